import Crypto
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Every event's hash chains from its stream's previous event over the canonical text the
/// README describes, computed by the database on append: rebuilt here, outside PostgreSQL, from
/// the row's own fields, it is the same.
@Suite struct HashChainTests {
    /// The row as an audit export carries it: the texts the hash covers.
    struct HashedRow {
        let stream: String, version: Int64, type: String, schemaVersion: Int32
        let data: String, metadata: String, recordedAt: String, hash: [UInt8]

        var canonicalText: String {
            [stream, String(version), type, String(schemaVersion), data, metadata, recordedAt].joined(separator: "\n")
        }
    }

    static func rows(of stream: String, on pool: ConnectionPool) async throws -> [HashedRow] {
        try await pool.query(
            """
            SELECT stream_id, stream_version, event_type, schema_version, data::text, metadata::text,
                   to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), hash
            FROM events WHERE stream_id = $1 ORDER BY stream_version
            """, [stream]
        ).rows.map { row in
            HashedRow(
                stream: try row.decode(0), version: try row.decode(1), type: try row.decode(2),
                schemaVersion: try row.decode(3), data: try row.decode(4), metadata: try row.decode(5),
                recordedAt: try row.decode(6), hash: Array(try row.decode(7, as: Data.self)))
        }
    }

    @Test func eachHashChainsFromThePreviousEventOverTheCanonicalText() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("chain")
        // Two appends, one of two events, with text that needs escaping in jsonb's own form.
        try await store.append(
            to: stream, streamType: "test", expectedVersion: .noStream,
            events: [NewEvent(type: "A", data: Data(#"{"b":"line\nbreak","a":[1,2.50,"é"]}"#.utf8)), event("B", "2")],
            metadata: testMetadata)
        try await store.append(to: stream, streamType: "test", expectedVersion: .exactly(2), events: [event("C", "3")], metadata: testMetadata)

        let rows = try await Self.rows(of: stream, on: pool)
        #expect(rows.map(\.version) == [1, 2, 3])
        var previous: [UInt8] = []
        for row in rows {
            #expect(!row.canonicalText.contains("\n\n"), "no field is empty")
            let expected = Array(SHA256.hash(data: previous + Array(row.canonicalText.utf8)))
            #expect(row.hash == expected, "event \(row.version) of \(stream)")
            previous = row.hash
        }
        #expect(rows[0].data.contains(#"line\nbreak"#), "jsonb's text escapes the line feed")
    }

    /// Every way of appending chains the same: no stream yet, at a version, at any version (on
    /// a new stream and an existing one), one event or several; the streams row keeps the head.
    @Test(arguments: [
        [ExpectedVersion.noStream, .exactly(1), .exactly(3)],
        [ExpectedVersion.any, .any, .exactly(3)],
        [ExpectedVersion.noStream, .any, .any],
    ])
    func everyExpectedVersionChainsFromTheHeadItsStreamKeeps(expectations: [ExpectedVersion]) async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("heads")
        // One event, then two, then one: versions 1, 2–3, 4.
        for (expected, count) in zip(expectations, [1, 2, 1]) {
            try await store.append(
                to: stream, streamType: "test", expectedVersion: expected,
                events: (0..<count).map { event("E\($0)", "\($0)") }, metadata: testMetadata)
        }
        let rows = try await Self.rows(of: stream, on: pool)
        #expect(rows.map(\.version) == [1, 2, 3, 4])
        var previous: [UInt8] = []
        for row in rows {
            #expect(row.hash == Array(SHA256.hash(data: previous + Array(row.canonicalText.utf8))), "event \(row.version)")
            previous = row.hash
        }
        let head = try await pool.query(
            "SELECT last_hashes[cardinality(last_hashes)] FROM streams WHERE stream_id = $1", [stream]).rows[0].decode(0, as: Data.self)
        #expect(Array(head) == rows.last?.hash)
    }

    @Test func theDatabaseFunctionComputesTheSameHashForAnyoneWhoAsks() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("chain")
        try await store.append(to: stream, streamType: "test", expectedVersion: .noStream, events: [event("A", "1"), event("B", "2")], metadata: testMetadata)
        let mismatches = try await pool.query(
            """
            SELECT count(*) FROM events e
            LEFT JOIN events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
            WHERE e.stream_id = $1
              AND e.hash <> event_hash(p.hash, e.stream_id, e.stream_version, e.event_type, e.schema_version,
                                       e.data, e.metadata, e.recorded_at)
            """, [stream]).rows[0].decode(0, as: Int.self)
        #expect(mismatches == 0)
    }
}
