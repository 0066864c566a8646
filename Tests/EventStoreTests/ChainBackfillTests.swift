import Crypto
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// A log written before events carried hashes gets its chains, and its streams their heads,
/// once, when the schema objects that fill them in are applied.
@Suite struct ChainBackfillTests {
    @Test func eventsWithoutHashesGetTheChainAppendWouldHaveGivenThem() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let store = EventStore(pool: pool)
            for stream in ["backfill-a", "backfill-b"] {
                try await store.append(to: stream, streamType: "test", expectedVersion: .noStream,
                                       events: [event("A", "1"), event("B", #"x\ny"#)], metadata: testMetadata)
                try await store.append(to: stream, streamType: "test", expectedVersion: .exactly(2),
                                       events: [event("C", "3")], metadata: testMetadata)
            }
            let appended = try await pool.query("SELECT global_position, hash FROM events ORDER BY global_position").rows
                .map { (try $0.decode(0, as: Int64.self), try $0.decode(1, as: Data.self)) }

            // The log as an earlier version left it: no hashes, no heads, the objects not applied.
            _ = try await pool.withConnection { try await $0.executeScript("""
                ALTER TABLE events ALTER COLUMN hash DROP NOT NULL;
                ALTER TABLE events DISABLE TRIGGER events_refuse_update_and_delete;
                UPDATE events SET hash = NULL;
                ALTER TABLE events ENABLE TRIGGER events_refuse_update_and_delete;
                UPDATE streams SET last_hashes = NULL;
                DELETE FROM schema_objects WHERE name IN ('chain_existing_events', 'stream_heads');
                """) }
            let applied = try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            #expect(Set(applied.objects.map(\.name)) == ["chain_existing_events", "stream_heads"])

            let backfilled = try await pool.query("SELECT global_position, hash FROM events ORDER BY global_position").rows
                .map { (try $0.decode(0, as: Int64.self), try $0.decode(1, as: Data.self)) }
            #expect(backfilled.map(\.0) == appended.map(\.0))
            #expect(backfilled.map(\.1) == appended.map(\.1), "the backfill gives each event the hash its append gave it")
            let nullable = try await pool.query(
                "SELECT is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'hash'"
            ).rows[0].decode(0, as: String.self)
            #expect(nullable == "NO")
            let heads = try await pool.query(
                """
                SELECT count(*) FROM streams s JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.version
                WHERE s.last_hashes[cardinality(s.last_hashes)] = e.hash
                """).rows[0].decode(0, as: Int.self)
            #expect(heads == 2)
            // Appending goes on from the backfilled head.
            try await store.append(to: "backfill-a", streamType: "test", expectedVersion: .exactly(3), events: [event("D", "4")], metadata: testMetadata)
            let rows = try await HashChainTests.rows(of: "backfill-a", on: pool)
            #expect(rows.last?.hash == Array(SHA256.hash(data: rows[2].hash + Array(rows[3].canonicalText.utf8))))
        }
    }
}
