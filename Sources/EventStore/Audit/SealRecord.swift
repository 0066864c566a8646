import Foundation

/// One row of `audit_seals`: what a seal states and its signature, as stored.
public struct SealRecord: Sendable, Equatable {
    public let sealId: Int64
    /// Every event of a transaction older than this one is covered.
    public let fenceTransactionId: UInt64
    /// UTC with microseconds, as signed.
    public let sealedAt: String
    public let streamCount: Int64
    public let eventCount: Int64
    public let merkleRoot: Data
    /// The digest of the previous seal's statement; empty for the first seal.
    public let previousDigest: Data
    /// The raw Ed25519 public key the seal was signed with.
    public let publicKey: Data
    public let signature: Data

    public init(
        sealId: Int64, fenceTransactionId: UInt64, sealedAt: String, streamCount: Int64, eventCount: Int64,
        merkleRoot: Data, previousDigest: Data, publicKey: Data, signature: Data
    ) {
        self.sealId = sealId
        self.fenceTransactionId = fenceTransactionId
        self.sealedAt = sealedAt
        self.streamCount = streamCount
        self.eventCount = eventCount
        self.merkleRoot = merkleRoot
        self.previousDigest = previousDigest
        self.publicKey = publicKey
        self.signature = signature
    }
}

/// Where a new seal would stand: the fence it covers, its time, and the heads of the streams
/// that moved since the previous seal.
public struct SealDraft: Sendable {
    public let previous: SealRecord?
    public let fenceTransactionId: UInt64
    public let sealedAt: String
    public let movedHeads: [StreamHead]
}
