import Crypto
import Foundation

/// The key that wraps every customer's data key. It never reaches the database: only the
/// wrapped data keys and a fingerprint of it do.
public struct MasterKey: Sendable {
    public static let environmentVariable = "CUSTOMERS_MASTER_KEY"

    /// The key's bytes: `SymmetricKey` is not `Sendable`, so one is made for each use.
    private let bytes: Data
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    public enum Problem: Error, CustomStringConvertible {
        case missing
        case malformed

        public var description: String {
            switch self {
            case .missing:
                "\(MasterKey.environmentVariable) (or \(MasterKey.environmentVariable)_FILE) is not set: it holds the "
                    + "base64 of 32 random bytes, e.g. from `head -c 32 /dev/urandom | base64`. Against the local dev "
                    + "database of `make run`, the key is in .data/dev-master-key of the project: run `scripts/customers` "
                    + "there, which sets it (and DATABASE_URL)."
            case .malformed:
                "\(MasterKey.environmentVariable) must be the base64 of exactly 32 bytes."
            }
        }
    }

    /// `base64`: 32 bytes (256 bits), base64-encoded; surrounding whitespace is ignored.
    public init(base64: String) throws(Problem) {
        guard let bytes = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count == 32 else { throw .malformed }
        self.bytes = bytes
    }

    /// A fresh random master key, for scratch data that outlives no process.
    public static func generate() -> MasterKey {
        MasterKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    private init(bytes: Data) {
        self.bytes = bytes
    }

    /// From `CUSTOMERS_MASTER_KEY`, or from the file `CUSTOMERS_MASTER_KEY_FILE` names.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MasterKey {
        if let value = environment[environmentVariable], !value.isEmpty { return try MasterKey(base64: value) }
        if let path = environment[environmentVariable + "_FILE"], !path.isEmpty {
            return try MasterKey(base64: try String(contentsOfFile: path, encoding: .utf8))
        }
        throw Problem.missing
    }

    /// A key for `purpose` derived from this one (HMAC-SHA-256 of the purpose): keys of other
    /// uses that change with the master key and reveal nothing of it.
    func derivedKey(for purpose: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: key))
    }

    /// Says which master key this is without revealing it.
    var fingerprint: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("customers master key fingerprint".utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// A fresh data key for `customer`, and its wrapped form bound to the customer's id, so a
    /// wrapped key copied to another customer's row does not open.
    func newDataKey(for customer: String) throws -> (key: Data, wrapped: Data) {
        let dataKey = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let sealed = try AES.GCM.seal(dataKey, using: key, authenticating: Data(customer.utf8))
        guard let combined = sealed.combined else { throw PersonalDataError.unreadableKey(customer: customer) }
        return (dataKey, combined)
    }

    /// `dataKey` wrapped for `customer`, as `newDataKey` wraps a fresh one.
    func wrap(_ dataKey: Data, for customer: String) throws -> Data {
        guard let combined = try AES.GCM.seal(dataKey, using: key, authenticating: Data(customer.utf8)).combined else {
            throw PersonalDataError.unreadableKey(customer: customer)
        }
        return combined
    }

    func unwrap(_ wrapped: Data, for customer: String) throws -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            return try AES.GCM.open(box, using: key, authenticating: Data(customer.utf8))
        } catch {
            throw PersonalDataError.unreadableKey(customer: customer)
        }
    }

    /// A webhook secret sealed under the master key, bound to its subscription (so a sealed
    /// secret copied to another subscription's row does not open), and kept apart from the
    /// customers' data keys by the associated data's prefix.
    func sealSecret(_ secret: Data, for subscription: String) throws -> Data {
        let sealed = try AES.GCM.seal(secret, using: key, authenticating: Data("webhook:\(subscription)".utf8))
        guard let combined = sealed.combined else { throw PersonalDataError.unreadableKey(customer: subscription) }
        return combined
    }

    func openSecret(_ sealed: Data, for subscription: String) throws -> Data {
        do {
            return try AES.GCM.open(
                AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data("webhook:\(subscription)".utf8))
        } catch {
            throw PersonalDataError.unreadableKey(customer: subscription)
        }
    }
}
