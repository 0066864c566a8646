import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct SubscriptionTests {
    @Test func deliversAppendedEventsInOrderSoonAfterTheyCommit() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("subscribed")
        let first = try await store.append(
            to: stream, streamType: "t", expectedVersion: .noStream, events: [event("A", "0")], metadata: testMetadata)
        // Start just before the first event: the subscription must deliver it and the later ones.
        let start = GlobalPosition(transactionId: first.positions[0].transactionId, position: first.positions[0].position - 1)
        let subscription = store.subscribe(after: start, pollInterval: .seconds(60))
        let consumer = Task {
            var seen: [String] = []
            for try await event in subscription where event.streamId == stream {
                seen.append(event.payload ?? "")
                if seen.count == 4 { break }
            }
            return seen
        }
        for index in 1...3 {
            try await store.append(
                to: stream, streamType: "t", expectedVersion: .exactly(Int64(index)),
                events: [event("A", "\(index)")], metadata: testMetadata)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let seen = try await consumer.value
        #expect(seen == ["0", "1", "2", "3"])
        // Woken by the appends themselves, long before the 60-second poll.
        #expect(clock.now - started < .seconds(20))
    }

    /// Events committed behind an open transaction before the subscriber starts: no wake-up
    /// will come for them, yet they arrive soon after that transaction ends, not at the next poll.
    @Test func eventsBehindTheFenceWhenItStartsArriveOnceTheFenceMoves() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let prefix = TestDatabase.uniqueName("behind")
        let tail = try await pool.query("SELECT coalesce(max(global_position), 0) FROM events").rows[0].decode(0, as: Int64.self)
        let held = try await Connection.connect(try TestDatabase.configuration())
        try await held.executeScript("BEGIN")
        try await store.append(
            to: "\(prefix)-held", streamType: "t", expectedVersion: .noStream, events: [event("H", "held")],
            metadata: testMetadata, in: Transaction(connection: held))
        try await store.append(
            to: "\(prefix)-later", streamType: "t", expectedVersion: .noStream, events: [event("L", "later")], metadata: testMetadata)
        let subscription = store.subscribe(after: GlobalPosition(transactionId: 0, position: 0), pollInterval: .seconds(60))
        let consumer = Task {
            var seen: [String] = []
            for try await event in subscription where event.streamId.hasPrefix(prefix) && event.position.position > tail {
                seen.append(event.payload ?? "")
                if seen.count == 2 { break }
            }
            return seen
        }
        try await Task.sleep(for: .milliseconds(300))
        let clock = ContinuousClock()
        let released = clock.now
        #expect(try await held.executeScript("COMMIT") == "COMMIT")
        #expect(Set(try await consumer.value) == ["held", "later"])
        #expect(clock.now - released < .seconds(10), "waited for the 60-second poll")
        await held.close()
    }

    @Test func aNotifyFromAnotherProcessWakesTheSubscriber() async throws {
        let pool = try await TestDatabase.migratedPool()
        defer { Task { await pool.close() } }
        let reading = EventStore(pool: pool)
        let writing = EventStore(pool: try await TestDatabase.migratedPool())
        let listener = try await reading.listenForAppends()
        let stream = TestDatabase.uniqueName("remote")
        let tail = try await pool.query("SELECT coalesce(max(global_position), 0) FROM events").rows[0].decode(0, as: Int64.self)
        let subscription = reading.subscribe(after: GlobalPosition(transactionId: 0, position: 0), pollInterval: .seconds(30))
        let consumer = Task {
            for try await event in subscription where event.streamId == stream && event.position.position > tail {
                return event.payload
            }
            return nil
        }
        // Let the subscriber catch up with the existing log and go to sleep on its 30 s poll.
        try await Task.sleep(for: .milliseconds(500))
        let clock = ContinuousClock()
        let started = clock.now
        try await writing.append(to: stream, streamType: "t", expectedVersion: .noStream, events: [event("R", "remote")], metadata: testMetadata)
        #expect(try await consumer.value == "remote")
        #expect(clock.now - started < .seconds(10))
        await listener.stop()
        await writing.pool.close()
    }
}
