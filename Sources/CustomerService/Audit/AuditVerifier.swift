import EventStore
import Foundation

/// `audit verify` against the database: every chain recomputed from the events' own texts, the
/// seals checked, and each stream compared with the heads they signed.
public struct AuditVerifier: Sendable {
    let store: EventStore

    public init(store: EventStore) {
        self.store = store
    }

    /// Events the run will read, for a progress bar.
    public func eventCount(of streams: [String]?) async throws -> Int {
        try await store.eventCount(of: streams)
    }

    /// `streams`: only these (their chains and their sealed heads); nil for the whole log. The
    /// seals' root is always checked over every recorded head.
    public func verify(
        streams: [String]?, trustedKey: AuditPublicKey?, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> AuditReport {
        let seals = try await store.seals()
        let heads = try await store.sealedHeads()
        let problems = SealChecks.problems(of: seals, heads: heads, trustedKey: trustedKey)
        let verifier = LockedVerifier(ChainVerifier(
            sealedHeads: SealChecks.headsByStream(heads, only: streams.map(Set.init)),
            recordedVersions: try await store.recordedVersions(of: streams)))
        try await store.chainedEvents(of: streams) { chunk in progress(verifier.consume(chunk)) }
        return AuditReport(
            chain: verifier.finish(), sealProblems: problems, latestSeal: seals.last,
            keyTrust: trustedKey.map(AuditReport.KeyTrust.given) ?? .stored)
    }
}

/// The verifier fed from the connection's thread, one chunk at a time.
final class LockedVerifier: @unchecked Sendable {
    private let lock = NSLock()
    private var verifier: ChainVerifier
    private var consumed = 0

    init(_ verifier: ChainVerifier) {
        self.verifier = verifier
    }

    /// Returns how many events were consumed so far.
    func consume(_ events: [ChainedEvent]) -> Int {
        lock.withLock {
            verifier.consume(events)
            consumed += events.count
            return consumed
        }
    }

    func finish() -> ChainVerifier.Report {
        lock.withLock { verifier.finish() }
    }
}
