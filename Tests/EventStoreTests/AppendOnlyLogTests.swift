import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// The log refuses every change to a recorded event, even from its owner (the test connects as
/// the superuser that owns the tables).
@Suite struct AppendOnlyLogTests {
    @Test(arguments: [
        "UPDATE events SET data = '{}' WHERE stream_id = $1",
        "DELETE FROM events WHERE stream_id = $1",
    ])
    func changingARecordedEventIsRefused(statement: String) async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let stream = TestDatabase.uniqueName("immutable")
        try await EventStore(pool: pool).append(
            to: stream, streamType: "t", expectedVersion: .noStream, events: [event()], metadata: testMetadata)
        let error = await #expect(throws: PostgresError.self) { try await pool.query(statement, [stream]) }
        #expect(error?.sqlState == SQLState("CE403"))
        #expect(error?.message.contains("append-only") == true)
        #expect(try await EventStore(pool: pool).read(stream: stream).count == 1)
    }

    /// TRUNCATE locks the whole table before its trigger refuses, so it runs against a log of
    /// its own (the migrated schema in a scratch namespace) where no other test waits behind it.
    @Test func truncatingTheLogIsRefused() async throws {
        try await TestDatabase.withScratchSchema { pool in
            try await EventStore(pool: pool).append(
                to: "s", streamType: "t", expectedVersion: .noStream, events: [event()], metadata: testMetadata)
            let error = await #expect(throws: PostgresError.self) { try await pool.query("TRUNCATE events") }
            #expect(error?.sqlState == SQLState("CE403"))
            #expect(try await pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int.self) == 1)
        }
    }
}
