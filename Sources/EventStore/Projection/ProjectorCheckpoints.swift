import Foundation
import Postgres

/// The row of `projector_checkpoints` for one projector.
public struct ProjectorCheckpoint: Sendable, Equatable {
    public let projector: String
    public let position: GlobalPosition
    public let eventsApplied: Int64
    public let updatedAt: Date
    public let failure: ProjectorFailure?
}

/// Why a projector is parked, and at which event.
public struct ProjectorFailure: Sendable, Equatable {
    public let reason: String
    public let position: GlobalPosition
    public let failedAt: Date
}

/// Statements on `projector_checkpoints`, one place each.
enum ProjectorCheckpoints {
    static func ensure(_ projector: String, on connection: Connection) async throws {
        try await connection.query(
            "INSERT INTO projector_checkpoints (projector) VALUES ($1) ON CONFLICT (projector) DO NOTHING", [projector])
    }

    static func read(_ projector: String, on connection: Connection) async throws -> ProjectorCheckpoint? {
        let result = try await connection.query(
            """
            SELECT projector, transaction_id::text, global_position, events_applied, updated_at,
                   failure, failed_transaction_id::text, failed_global_position, failed_at
            FROM projector_checkpoints WHERE projector = $1
            """, [projector])
        return try result.first.map(checkpoint(from:))
    }

    static func all(on pool: ConnectionPool) async throws -> [ProjectorCheckpoint] {
        try await pool.query(
            """
            SELECT projector, transaction_id::text, global_position, events_applied, updated_at,
                   failure, failed_transaction_id::text, failed_global_position, failed_at
            FROM projector_checkpoints ORDER BY projector
            """).rows.map(checkpoint(from:))
    }

    /// Moves the checkpoint from `from` to `to` only if it is still at `from`: a second runner
    /// that slipped past the lock could never apply the same events twice.
    static func advance(_ projector: String, from: GlobalPosition, to: GlobalPosition, events: Int) -> Statement {
        Statement(
            """
            UPDATE projector_checkpoints
            SET transaction_id = $4::xid8, global_position = $5, events_applied = events_applied + $6, updated_at = now()
            WHERE projector = $1 AND transaction_id = $2::xid8 AND global_position = $3
            """,
            [projector, String(from.transactionId), from.position, String(to.transactionId), to.position, events])
    }

    /// Puts the checkpoint at `position` with `applied` events, and clears any failure: after a
    /// rebuild, whose swapped-in tables hold exactly those events.
    static func reset(_ projector: String, to position: GlobalPosition, applied: Int, on connection: Connection) async throws {
        try await connection.query(
            """
            UPDATE projector_checkpoints
            SET transaction_id = $2::xid8, global_position = $3, events_applied = $4, updated_at = now(),
                failure = NULL, failed_transaction_id = NULL, failed_global_position = NULL, failed_at = NULL
            WHERE projector = $1
            """, [projector, String(position.transactionId), position.position, applied])
    }

    static func park(_ projector: String, at position: GlobalPosition, reason: String, on connection: Connection) async throws {
        try await connection.query(
            """
            UPDATE projector_checkpoints
            SET failure = $2, failed_transaction_id = $3::xid8, failed_global_position = $4, failed_at = now()
            WHERE projector = $1
            """, [projector, reason, String(position.transactionId), position.position])
    }

    static func resume(_ projector: String, on pool: ConnectionPool) async throws -> Bool {
        try await pool.query(
            """
            UPDATE projector_checkpoints
            SET failure = NULL, failed_transaction_id = NULL, failed_global_position = NULL, failed_at = NULL
            WHERE projector = $1
            """, [projector]).affectedRows == 1
    }

    private static func checkpoint(from row: PostgresRow) throws -> ProjectorCheckpoint {
        let failure: ProjectorFailure?
        if let reason = try row.decode(5, as: String?.self) {
            failure = ProjectorFailure(
                reason: reason,
                position: GlobalPosition(
                    transactionId: UInt64(try row.decode(6, as: String?.self) ?? "0") ?? 0,
                    position: try row.decode(7, as: Int64?.self) ?? 0),
                failedAt: try row.decode(8, as: Date?.self) ?? Date(timeIntervalSince1970: 0))
        } else {
            failure = nil
        }
        return ProjectorCheckpoint(
            projector: try row.decode(0),
            position: GlobalPosition(transactionId: UInt64(try row.decode(1, as: String.self)) ?? 0, position: try row.decode(2)),
            eventsApplied: try row.decode(3),
            updatedAt: try row.decode(4),
            failure: failure)
    }
}

extension EventStore {
    /// Every asynchronous projector's checkpoint, with its failure if it is parked.
    public func projectorCheckpoints() async throws -> [ProjectorCheckpoint] {
        try await translatingFailures { try await ProjectorCheckpoints.all(on: pool) }
    }

    /// Clears a parked projector's failure so its runner tries the event again.
    @discardableResult
    public func resumeProjector(_ name: String) async throws -> Bool {
        try await translatingFailures { try await ProjectorCheckpoints.resume(name, on: pool) }
    }

    /// Events committed after `position`, behind the fence or not yet: how far a projector lags.
    public func eventsAfter(_ position: GlobalPosition) async throws -> Int64 {
        // Every committed event counts, also those a transaction still open holds behind the
        // fence: they are exactly the lag such a transaction causes.
        try await translatingFailures {
            try await pool.query(
                "SELECT count(*) FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)",
                [String(position.transactionId), position.position]).rows[0].decode(0)
        }
    }
}
