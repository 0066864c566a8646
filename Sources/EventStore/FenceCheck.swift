import Postgres

/// Whether the cluster's transaction counter is ahead of every event in the log, which the xid
/// fence relies on. A log restored (`pg_dump`, logical replication cut-over) into a cluster whose
/// counter is behind it breaks that silently: new events would get lower transaction ids than
/// old ones and sort before a tailing reader's checkpoint, so projectors would never see them.
public struct FenceCheck: Sendable, Equatable {
    /// The highest transaction id of any event, nil for an empty log.
    public let highestEventTransaction: UInt64?
    /// The transaction id the cluster hands out next (`pg_snapshot_xmax` of a current snapshot).
    public let nextTransaction: UInt64

    public var isIntact: Bool { (highestEventTransaction ?? 0) < nextTransaction }

    /// The xid epoch (the upper 32 bits of a transaction id) the cluster must be moved past.
    public var requiredEpoch: UInt64 { ((highestEventTransaction ?? 0) >> 32) + 1 }

    /// The cause and the remedy, for an operator.
    public var problem: String {
        """
        The event log holds transaction ids up to \(highestEventTransaction ?? 0), but this PostgreSQL cluster \
        hands out \(nextTransaction) next: the log was restored into a cluster whose transaction counter is behind \
        it, and new events would sort before events already read, so projectors would miss them. Stop the cluster \
        and advance its transaction id epoch past the log's (pg_resetwal --epoch=\(requiredEpoch) -D <data directory>), \
        then start it again. Projectors refuse to run until then.
        """
    }
}

extension EventStore {
    /// Compares the log's highest transaction id with the cluster's transaction counter; cheap
    /// (the fence's index gives the maximum) and assigns no transaction id itself.
    public func checkFence() async throws -> FenceCheck {
        try await translatingFailures {
            let row = try await pool.query(
                "SELECT (SELECT max(transaction_id) FROM events)::text, pg_snapshot_xmax(pg_current_snapshot())::text"
            ).rows[0]
            return FenceCheck(
                highestEventTransaction: try row.decode(0, as: String?.self).flatMap { UInt64($0) },
                nextTransaction: UInt64(try row.decode(1, as: String.self)) ?? 0)
        }
    }

    /// Throws `EventStoreError.fenceBehindLog` when the check fails.
    public func requireIntactFence() async throws {
        let check = try await checkFence()
        guard check.isIntact else { throw EventStoreError.fenceBehindLog(check) }
    }
}
