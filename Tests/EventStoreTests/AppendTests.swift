import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct AppendTests {
    @Test func appendsEventsWithConsecutiveVersionsAndReadsThemBack() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("stream")
        let first = try await store.append(
            to: stream, streamType: "test", expectedVersion: .noStream,
            events: [event("A", "1"), event("B", "2")], metadata: testMetadata)
        #expect(first.streamVersion == 2)
        #expect(first.positions.count == 2)
        #expect(first.positions[0] < first.positions[1])
        let second = try await store.append(
            to: stream, streamType: "test", expectedVersion: .exactly(2), events: [event("C", "3")], metadata: testMetadata)
        #expect(second.streamVersion == 3)

        let events = try await store.read(stream: stream)
        #expect(events.map(\.streamVersion) == [1, 2, 3])
        #expect(events.map(\.type) == ["A", "B", "C"])
        #expect(events.map(\.payload) == ["1", "2", "3"])
        #expect(try events[0].decodedMetadata() == testMetadata)
        #expect(try await store.read(stream: stream, fromVersion: 3).map(\.type) == ["C"])
        #expect(try await store.version(of: stream) == 3)
        #expect(try await store.version(of: TestDatabase.uniqueName("absent")) == nil)
    }

    @Test func noStreamRefusesAnExistingStream() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("stream")
        try await store.append(to: stream, streamType: "test", expectedVersion: .noStream, events: [event()], metadata: testMetadata)
        let error = await #expect(throws: EventStoreError.self) {
            try await store.append(to: stream, streamType: "test", expectedVersion: .noStream, events: [event()], metadata: testMetadata)
        }
        #expect(error == .wrongExpectedVersion(stream: stream, expected: .noStream, actual: 1))
    }

    @Test func exactVersionRefusesAStaleWriterAndWritesNothing() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("stream")
        try await store.append(to: stream, streamType: "test", expectedVersion: .noStream, events: [event(), event()], metadata: testMetadata)
        let error = await #expect(throws: EventStoreError.self) {
            try await store.append(to: stream, streamType: "test", expectedVersion: .exactly(1), events: [event()], metadata: testMetadata)
        }
        #expect(error == .wrongExpectedVersion(stream: stream, expected: .exactly(1), actual: 2))
        let missing = await #expect(throws: EventStoreError.self) {
            try await store.append(
                to: TestDatabase.uniqueName("absent"), streamType: "test", expectedVersion: .exactly(3),
                events: [event()], metadata: testMetadata)
        }
        if case .wrongExpectedVersion(_, _, let actual) = missing { #expect(actual == nil) } else { Issue.record("no conflict") }
        #expect(try await store.read(stream: stream).count == 2)
    }

    @Test func anyVersionAppendsWhateverTheVersion() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("stream")
        #expect(try await store.append(to: stream, streamType: "t", expectedVersion: .any, events: [event()], metadata: testMetadata).streamVersion == 1)
        #expect(try await store.append(to: stream, streamType: "t", expectedVersion: .any, events: [event(), event()], metadata: testMetadata).streamVersion == 3)
    }

    @Test func anEmptyAppendIsRefused() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let stream = TestDatabase.uniqueName("stream")
        await #expect(throws: EventStoreError.emptyAppend(stream: stream)) {
            try await EventStore(pool: pool).append(to: stream, streamType: "t", expectedVersion: .any, events: [], metadata: testMetadata)
        }
    }

    @Test func appendInACallersTransactionRollsBackWithIt() async throws {
        struct Abort: Error {}
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("stream")
        await #expect(throws: Abort.self) {
            try await pool.withTransaction { tx in
                try await store.append(to: stream, streamType: "t", expectedVersion: .noStream, events: [event()], metadata: testMetadata, in: tx)
                throw Abort()
            }
        }
        #expect(try await store.version(of: stream) == nil)
        #expect(try await store.read(stream: stream).isEmpty)
        // The version the rolled-back append would have taken is still free.
        try await pool.withTransaction { tx in
            try await store.append(to: stream, streamType: "t", expectedVersion: .noStream, events: [event()], metadata: testMetadata, in: tx)
            try await tx.query("SELECT 1")
        }
        #expect(try await store.version(of: stream) == 1)
    }

    /// A refused append draws no identity value (the version check comes before the insert).
    /// `currval` is per session, so other tests appending meanwhile cannot disturb the check.
    @Test func aConflictDrawsNoGlobalPosition() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let session = try await Connection.connect(try TestDatabase.configuration())
        let autocommit = Transaction(connection: session)
        let stream = TestDatabase.uniqueName("stream")
        let appended = try await store.append(
            to: stream, streamType: "t", expectedVersion: .noStream, events: [event()], metadata: testMetadata, in: autocommit)
        let currentValue = { try await session.query("SELECT currval('events_global_position_seq')").rows[0].decode(0, as: Int64.self) }
        #expect(try await currentValue() == appended.positions[0].position)
        for expected in [ExpectedVersion.noStream, .exactly(7)] {
            await #expect(throws: EventStoreError.self) {
                try await store.append(
                    to: stream, streamType: "t", expectedVersion: expected, events: [event(), event()],
                    metadata: testMetadata, in: autocommit)
            }
        }
        #expect(try await currentValue() == appended.positions[0].position)
        await session.close()
    }
}
