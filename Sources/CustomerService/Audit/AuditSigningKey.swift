import Crypto
import Foundation

/// The Ed25519 key that signs seals. It never reaches the database: only its public half does,
/// beside each seal it signed.
public struct AuditSigningKey: Sendable {
    public static let environmentVariable = "CUSTOMERS_AUDIT_SIGNING_KEY"

    private let raw: Data

    public enum Problem: Error, CustomStringConvertible {
        case missing
        case malformed(variable: String)

        public var description: String {
            switch self {
            case .missing:
                "\(AuditSigningKey.environmentVariable) (or \(AuditSigningKey.environmentVariable)_FILE) is not set: it "
                    + "holds the base64 of an Ed25519 private key; `customers audit new-key` makes one. Keep it outside "
                    + "the database and its backups: whoever holds it can sign seals."
            case .malformed(let variable):
                "\(variable) must be the base64 of a 32-byte Ed25519 key."
            }
        }
    }

    public init(base64: String) throws(Problem) {
        guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil else {
            throw .malformed(variable: Self.environmentVariable)
        }
        self.raw = raw
    }

    private init(raw: Data) {
        self.raw = raw
    }

    public static func generate() -> AuditSigningKey {
        AuditSigningKey(raw: Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    /// From `CUSTOMERS_AUDIT_SIGNING_KEY`, or from the file `CUSTOMERS_AUDIT_SIGNING_KEY_FILE` names.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AuditSigningKey {
        if let value = environment[environmentVariable], !value.isEmpty { return try AuditSigningKey(base64: value) }
        if let path = environment[environmentVariable + "_FILE"], !path.isEmpty {
            return try AuditSigningKey(base64: try String(contentsOfFile: path, encoding: .utf8))
        }
        throw Problem.missing
    }

    /// The private key's base64, for `customers audit new-key` to hand to the operator once.
    public var base64: String { raw.base64EncodedString() }

    public var publicKey: AuditPublicKey {
        // The raw bytes were checked to make a key when this value was made.
        AuditPublicKey(raw: (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw))?.publicKey.rawRepresentation ?? Data())
    }

    func signature(for statement: Data) throws -> Data {
        try Curve25519.Signing.PrivateKey(rawRepresentation: raw).signature(for: statement)
    }
}

/// The public half of a signing key: what a verifier trusts.
public struct AuditPublicKey: Sendable, Equatable, CustomStringConvertible {
    let raw: Data

    init(raw: Data) {
        self.raw = raw
    }

    public enum Problem: Error, CustomStringConvertible {
        case malformed
        public var description: String { "a public key must be the base64 of a 32-byte Ed25519 public key" }
    }

    public init(base64: String) throws(Problem) {
        guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { throw .malformed }
        self.raw = raw
    }

    public var base64: String { raw.base64EncodedString() }
    public var description: String { base64 }

    func isValidSignature(_ signature: Data, for statement: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: statement)
    }
}
