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

    @Test func truncatingTheLogIsRefused() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let error = await #expect(throws: PostgresError.self) { try await pool.query("TRUNCATE events") }
        #expect(error?.sqlState == SQLState("CE403"))
    }
}
