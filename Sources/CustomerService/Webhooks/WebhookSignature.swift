import Crypto
import Foundation

/// The Standard Webhooks signature: `webhook-signature: v1,<base64 HMAC-SHA256>` of
/// `<webhook-id>.<webhook-timestamp>.<body>`, keyed by the bytes of the `whsec_` secret.
public enum WebhookSignature {
    public static let secretPrefix = "whsec_"

    /// A fresh secret: `whsec_` and the base64 of 24 random bytes.
    static func newSecret() -> String {
        let bytes = SymmetricKey(size: SymmetricKeySize(bitCount: 192)).withUnsafeBytes { Data($0) }
        return secretPrefix + bytes.base64EncodedString()
    }

    /// The key of a secret: the bytes its base64 part holds.
    static func key(of secret: String) -> Data? {
        guard secret.hasPrefix(secretPrefix) else { return nil }
        return Data(base64Encoded: String(secret.dropFirst(secretPrefix.count)))
    }

    /// `v1,` and the signature of `body` sent as `id` at `timestamp` (Unix seconds).
    public static func sign(id: String, timestamp: Int64, body: Data, secret: String) -> String {
        let key = SymmetricKey(data: key(of: secret) ?? Data(secret.utf8))
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        return "v1," + Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
    }

    /// Whether `header` (one or more space-separated `v1,<signature>`) signs `body` as `id` at
    /// `timestamp`, and the timestamp is within `tolerance` of `now`: what a receiver checks.
    public static func verify(
        header: String, id: String, timestamp: String, body: Data, secret: String, now: Date = Date(), tolerance: TimeInterval = 300
    ) -> Bool {
        guard let seconds = Int64(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { return false }
        let expected = Array(sign(id: id, timestamp: seconds, body: body, secret: secret).utf8)
        return header.split(separator: " ").contains { candidate in
            let given = Array(candidate.utf8)
            guard given.count == expected.count else { return false }
            return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }
}
