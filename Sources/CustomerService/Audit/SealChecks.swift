import EventStore
import Foundation

/// The checks of the seals themselves: an unbroken run of seals, each following the one before,
/// each signed over what it states, the latest by the trusted key, and the heads recorded for
/// them giving the latest seal's signed root.
enum SealChecks {
    static func problems(
        of seals: [SealRecord], heads: [(sealId: Int64, head: StreamHead)], trustedKey: AuditPublicKey?
    ) -> [SealProblem] {
        var problems: [SealProblem] = []
        var previous: SealRecord?
        for seal in seals {
            let expectedId = (previous?.sealId ?? 0) + 1
            if seal.sealId != expectedId {
                problems.append(SealProblem(
                    sealId: seal.sealId, detail: "it follows seal \(expectedId - 1): seals \(expectedId)…\(seal.sealId - 1) are gone"))
            } else if seal.previousDigest != (previous?.digest ?? Data()) {
                problems.append(SealProblem(
                    sealId: seal.sealId,
                    detail: "it names a previous seal other than seal \(expectedId - 1) as it is: a seal before it was edited or replaced"))
            }
            if !seal.hasValidSignature {
                problems.append(SealProblem(
                    sealId: seal.sealId, detail: "its signature does not match what it states: the seal was edited"))
            }
            previous = seal
        }
        guard let latest = seals.last else { return problems }
        if let trustedKey, latest.signingKey != trustedKey {
            problems.append(SealProblem(
                sealId: latest.sealId,
                detail: "it was signed by the key \(latest.signingKey), not by the key trusted here (\(trustedKey))"))
        }
        let sealed = latestHeads(heads)
        let root = MerkleTree.root(of: sealed.values)
        if root != latest.merkleRoot || Int64(sealed.count) != latest.streamCount
            || sealed.values.reduce(0, { $0 + $1.version }) != latest.eventCount {
            problems.append(SealProblem(
                sealId: latest.sealId,
                detail: "the stream heads recorded for the seals give root \(root.hex) over \(sealed.count) streams, "
                    + "not the signed root \(latest.merkleRoot.hex) over \(latest.streamCount): the recorded heads were edited"))
        }
        return problems
    }

    /// Each stream's head at the latest seal that moved it.
    static func latestHeads(_ heads: [(sealId: Int64, head: StreamHead)]) -> [String: StreamHead] {
        var latest: [String: (sealId: Int64, head: StreamHead)] = [:]
        latest.reserveCapacity(heads.count)
        for entry in heads where entry.sealId >= (latest[entry.head.streamId]?.sealId ?? 0) {
            latest[entry.head.streamId] = entry
        }
        return latest.mapValues(\.head)
    }

    /// Every recorded head per stream, oldest seal first, for the chain verifier.
    static func headsByStream(_ heads: [(sealId: Int64, head: StreamHead)], only streams: Set<String>? = nil) -> [String: [ChainVerifier.SealedHead]] {
        var byStream: [String: [ChainVerifier.SealedHead]] = [:]
        for entry in heads.sorted(by: { $0.sealId < $1.sealId }) where streams?.contains(entry.head.streamId) ?? true {
            byStream[entry.head.streamId, default: []].append(
                ChainVerifier.SealedHead(sealId: entry.sealId, version: entry.head.version, hash: entry.head.hash))
        }
        return byStream
    }
}
