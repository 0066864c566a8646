import Foundation
import Postgres

/// The append-only event log in PostgreSQL: append with an expected version, read one stream,
/// and read the whole log behind the xid fence.
public final class EventStore: StoreReader, Sendable {
    package let pool: ConnectionPool
    let wakeUps = WakeUpSignal()
    private let announcer: AppendAnnouncer

    /// The channel on which appends are announced to tailing readers in other processes.
    public static let notificationChannel = "customers_events_appended"

    public init(pool: ConnectionPool) {
        self.pool = pool
        self.announcer = AppendAnnouncer(pool: pool, channel: Self.notificationChannel, localSignal: wakeUps)
    }

    // MARK: Append

    /// Appends `events` to `stream` in one round trip if its version is what `expectedVersion`
    /// says, else throws `EventStoreError.wrongExpectedVersion` and writes nothing. All events of
    /// one call commit together. Pass `transaction` to append inside the caller's transaction
    /// (the caller then calls `announceCommit()` after it commits).
    @discardableResult
    public func append(
        to stream: String, streamType: String, expectedVersion: ExpectedVersion, events: [NewEvent], metadata: EventMetadata
    ) async throws -> AppendResult {
        try await append(to: stream, streamType: streamType, expectedVersion: expectedVersion, events: events, metadata: metadata, in: nil)
    }

    /// `append` inside the caller's transaction (the caller calls `announceCommit()` after it
    /// commits): for the command line's tools and tests, which hold connections of their own.
    @discardableResult
    package func append(
        to stream: String,
        streamType: String,
        expectedVersion: ExpectedVersion,
        events: [NewEvent],
        metadata: EventMetadata,
        in transaction: Transaction?
    ) async throws -> AppendResult {
        let operation = try AppendOperation(
            stream: stream, streamType: streamType, expectedVersion: expectedVersion, events: events, metadata: metadata)
        let result: QueryResult
        do {
            if let transaction {
                result = try await transaction.execute(operation.statement)
            } else {
                result = try await pool.withConnection { try await $0.execute(operation.statement) }
            }
        } catch let error as PostgresError where error.sqlState == .wrongExpectedVersion {
            throw operation.translate(error)
        } catch let error as PostgresError {
            throw EventStoreError.failure(StoreFailure(error))
        }
        let appended = try operation.result(from: result)
        if transaction == nil { announceCommit() }
        return appended
    }

    /// Tells tailing readers that new events have committed (coalesced, never blocks).
    public func announceCommit() {
        announcer.announce()
    }

    // MARK: Read

    /// The events of one stream from `fromVersion` on, oldest first.
    public func read(stream: String, fromVersion: Int64 = 1, limit: Int = Int(Int32.max)) async throws -> [RecordedEvent] {
        try await translatingFailures {
            let result = try await pool.withConnection { try await $0.execute(Self.readStatement(stream, fromVersion, limit)) }
            return try result.rows.map(RecordedEvent.init(row:))
        }
    }

    /// The stream's events, then the result of `companion`, in one round trip: e.g. what a
    /// caller keeps beside the stream and needs to read its events. The companion runs second
    /// (each statement sees what committed before it), so it sees at least what was committed
    /// with the events read.
    public func read(
        stream: String, fromVersion: Int64 = 1, limit: Int = Int(Int32.max), alongside companion: SQL
    ) async throws -> (events: [RecordedEvent], companion: SQLRows) {
        try await translatingFailures {
            let results = try await pool.withConnection { connection in
                try await connection.pipeline([Self.readStatement(stream, fromVersion, limit), companion.statement])
            }
            return (try results[0].rows.map(RecordedEvent.init(row:)), SQLRows(results[1]))
        }
    }

    // MARK: Statements of the layers above

    /// Runs one statement of a layer above on a pooled connection (a read-model query, a key).
    public func query(_ sql: SQL) async throws -> SQLRows {
        try await translatingFailures { SQLRows(try await pool.withConnection { try await $0.execute(sql.statement) }) }
    }

    /// Runs `body`'s statements in one transaction on one connection: all commit, or none.
    public func transaction<T: Sendable>(_ body: (any StoreReader) async throws -> T) async throws -> T {
        try await translatingFailures {
            try await pool.withTransaction { transaction in try await body(ConnectionReader(connection: transaction.connection)) }
        }
    }

    /// A count that moves whenever events may have committed (appends of this process, NOTIFYs
    /// of others while `listenForAppends` runs): note it before reading, then `waitForAppends`.
    public func appendGeneration() async -> UInt64 {
        await wakeUps.generation
    }

    /// Returns once the generation differs from `seen` (something was appended since), or after
    /// `timeout`.
    public func waitForAppends(after seen: UInt64, timeout: Duration) async {
        await wakeUps.wait(seen: seen, timeout: timeout)
    }

    /// Runs one statement and hands its rows to `consume` in chunks as they arrive, in bounded
    /// memory; `consume` runs on the connection's own thread, one chunk at a time.
    public func stream(_ sql: SQL, chunkSize: Int = 1_000, consume: @escaping @Sendable ([SQLRow]) throws -> Void) async throws {
        try await translatingFailures {
            try await pool.withConnection { connection in
                try await connection.stream(sql.statement, chunkSize: chunkSize) { rows in try consume(rows.map(SQLRow.init)) }
            }
        }
    }

    private static func readStatement(_ stream: String, _ fromVersion: Int64, _ limit: Int) -> Statement {
        Statement(
            """
            SELECT global_position, transaction_id, stream_id, stream_version, event_type,
                   schema_version, data, metadata, recorded_at
            FROM events
            WHERE stream_id = $1 AND stream_version >= $2
            ORDER BY stream_version
            LIMIT $3
            """,
            [stream, fromVersion, limit])
    }

    /// The stream's current version, or nil when it does not exist.
    public func version(of stream: String) async throws -> Int64? {
        try await translatingFailures {
            let result = try await pool.query("SELECT version FROM streams WHERE stream_id = $1", [stream])
            return try result.first?.decode(0, as: Int64.self)
        }
    }

    /// Up to `limit` events after `position` in (transaction id, global position) order, only
    /// from transactions older than every transaction still running: the xid fence. An event
    /// that is not returned yet can only ever appear after the last one returned.
    public func readAll(after position: GlobalPosition, limit: Int) async throws -> [RecordedEvent] {
        try await translatingFailures {
            try await pool.withConnection { connection in
                try await Self.readAll(on: connection, after: position, limit: limit)
            }
        }
    }

    /// `readAll` on a given connection, for readers that hold one (projector runners, rebuilds).
    /// `bodies: false` leaves data and metadata on the server (they come back empty).
    /// `fenced: false` reads every committed event after `position`, also those an older open
    /// transaction holds behind the fence: only for a reader that knows no writer it cares about
    /// is in flight (a rebuild holding a projector's lock, a verify inside its snapshot).
    static func readAll(
        on connection: Connection, after position: GlobalPosition, limit: Int, bodies: Bool = true, fenced: Bool = true
    ) async throws -> [RecordedEvent] {
        let columns = bodies ? "data, metadata" : "'{}'::jsonb AS data, '{}'::jsonb AS metadata"
        let fence = fenced ? "AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())" : ""
        let result = try await connection.query(
            """
            SELECT global_position, transaction_id, stream_id, stream_version, event_type,
                   schema_version, \(columns), recorded_at
            FROM events
            WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
              \(fence)
            ORDER BY transaction_id, global_position
            LIMIT $3
            """,
            [String(position.transactionId), position.position, limit])
        return try result.rows.map(RecordedEvent.init(row:))
    }
}

extension RecordedEvent {
    init(row: PostgresRow) throws {
        self.init(
            position: GlobalPosition(
                transactionId: try row.decode(1, as: UInt64.self), position: try row.decode(0, as: Int64.self)),
            streamId: try row.decode(2),
            streamVersion: try row.decode(3),
            type: try row.decode(4),
            schemaVersion: try row.decode(5),
            data: try row.decode(6),
            metadata: try row.decode(7),
            recordedAt: try row.decode(8))
    }
}
