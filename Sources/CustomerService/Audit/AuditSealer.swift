import EventStore
import Foundation

/// `audit seal`: signs the Merkle root over every stream's head at the current fence. Each seal
/// records the heads of the streams that moved since the one before, so a seal costs what was
/// written since, plus reading the recorded heads.
public struct AuditSealer: Sendable {
    public enum Outcome: Sendable {
        case sealed(SealRecord, movedStreams: Int)
        /// Nothing was written since the latest seal (nil: the log is empty).
        case nothingNew(latest: SealRecord?)
    }

    public enum Refusal: Error, CustomStringConvertible {
        /// A stream's head at the fence is not what a seal signed for it: the log changed.
        case headChanged(stream: String, sealId: Int64, sealedVersion: Int64, version: Int64)
        /// The event a seal signed as a stream's head is gone or has another hash.
        case sealedHeadChanged(stream: String, sealId: Int64, version: Int64, removed: Bool)

        public var description: String {
            switch self {
            case .headChanged(let stream, let sealId, let sealedVersion, let version):
                "refusing to seal: stream \(stream) ends at version \(version) below the fence, but seal \(sealId) signed it "
                    + "at version \(sealedVersion) with another hash; run `customers audit verify \(stream)`"
            case .sealedHeadChanged(let stream, let sealId, let version, let removed):
                "refusing to seal: stream \(stream)'s event \(version), which seal \(sealId) signed, "
                    + (removed ? "is gone" : "has another hash now") + "; run `customers audit verify \(stream)`"
            }
        }
    }

    let store: EventStore
    let key: AuditSigningKey

    public init(store: EventStore, key: AuditSigningKey) {
        self.store = store
        self.key = key
    }

    /// Refuses to sign over a log that changed under an earlier seal, so a seal never covers
    /// tampering (the full check is `AuditVerifier`'s; this one costs a lookup per stream).
    public func seal() async throws -> Outcome {
        if let changed = try await store.firstSealedHeadChanged() {
            throw Refusal.sealedHeadChanged(
                stream: changed.head.streamId, sealId: changed.sealId, version: changed.head.version, removed: changed.now == nil)
        }
        let draft = try await store.sealDraft()
        var heads = SealChecks.latestHeads(try await store.sealedHeads())
        var moved: [StreamHead] = []
        for head in draft.movedHeads {
            if let sealed = heads[head.streamId] {
                if sealed == head { continue }
                guard head.version > sealed.version else {
                    throw Refusal.headChanged(
                        stream: head.streamId, sealId: draft.previous?.sealId ?? 0, sealedVersion: sealed.version, version: head.version)
                }
            }
            heads[head.streamId] = head
            moved.append(head)
        }
        guard !moved.isEmpty else { return .nothingNew(latest: draft.previous) }
        let unsigned = SealRecord(
            sealId: (draft.previous?.sealId ?? 0) + 1, fenceTransactionId: draft.fenceTransactionId, sealedAt: draft.sealedAt,
            streamCount: Int64(heads.count), eventCount: heads.values.reduce(0) { $0 + $1.version },
            merkleRoot: MerkleTree.root(of: heads.values), previousDigest: draft.previous?.digest ?? Data(),
            publicKey: key.publicKey.raw, signature: Data())
        let seal = SealRecord(
            sealId: unsigned.sealId, fenceTransactionId: unsigned.fenceTransactionId, sealedAt: unsigned.sealedAt,
            streamCount: unsigned.streamCount, eventCount: unsigned.eventCount, merkleRoot: unsigned.merkleRoot,
            previousDigest: unsigned.previousDigest, publicKey: unsigned.publicKey,
            signature: try key.signature(for: Data(unsigned.statement.utf8)))
        try await store.store(seal: seal, movedHeads: moved)
        return .sealed(seal, movedStreams: moved.count)
    }
}
