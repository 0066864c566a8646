import Crypto
import EventStore
import Foundation

extension SealRecord {
    /// What a seal signs, one field per line: every field of the seal but its key and signature.
    /// The previous seal's digest makes the seals a chain of their own.
    public var statement: String {
        """
        customers audit seal 1
        seal \(sealId)
        fence \(fenceTransactionId)
        sealed \(sealedAt)
        streams \(streamCount)
        events \(eventCount)
        root \(merkleRoot.hex)
        previous \(previousDigest.hex)
        """
    }

    /// SHA-256 of the statement: what the next seal names as its previous.
    var digest: Data { Data(SHA256.hash(data: Data(statement.utf8))) }

    var signingKey: AuditPublicKey { AuditPublicKey(raw: publicKey) }

    var hasValidSignature: Bool { signingKey.isValidSignature(signature, for: Data(statement.utf8)) }

    public var rootHex: String { merkleRoot.hex }
    public var publicKeyBase64: String { publicKey.base64EncodedString() }
}
