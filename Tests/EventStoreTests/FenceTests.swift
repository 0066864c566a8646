import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite(.serialized) struct FenceTests {
    /// A transaction that appended and stays open holds every tailing reader behind its events,
    /// even while later transactions commit; once it commits, the reader gets everything once.
    @Test func aReaderNeverPassesAnOpenTransaction() async throws {
        let pool = try await TestDatabase.migratedPool(maximumConnections: 4)
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let prefix = TestDatabase.uniqueName("fence")
        var reader = TailingReader(store: store, prefix: prefix, from: try await currentTail(store))

        let held = try await Connection.connect(try TestDatabase.configuration())
        try await held.executeScript("BEGIN")
        try await store.append(
            to: "\(prefix)-held", streamType: "t", expectedVersion: .noStream,
            events: [event("Held", "held-1"), event("Held", "held-2")], metadata: testMetadata,
            in: Transaction(connection: held))

        for index in 0..<5 {
            try await store.append(
                to: "\(prefix)-later-\(index)", streamType: "t", expectedVersion: .noStream,
                events: [event("Later", "later-\(index)")], metadata: testMetadata)
        }
        try await reader.catchUp()
        #expect(reader.payloads.isEmpty, "read past an open transaction: \(reader.payloads)")

        try await Task.sleep(for: .milliseconds(200))
        try await reader.catchUp()
        #expect(reader.payloads.isEmpty)

        #expect(try await held.executeScript("COMMIT") == "COMMIT")
        // Other suites' short transactions may hold the fence for a moment; wait them out.
        for _ in 0..<500 where reader.payloads.count < 7 {
            try await reader.catchUp()
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(reader.payloads == ["held-1", "held-2"] + (0..<5).map { "later-\($0)" })
        await held.close()
    }

    /// 16 writers, 5,000 events, about one transaction in ten rolled back, commits deliberately
    /// out of order: a concurrent tailing reader sees every committed event exactly once, in
    /// strictly increasing position, and nothing rolled back.
    @Test func underConcurrentWritersTheReaderSeesEveryCommittedEventExactlyOnce() async throws {
        let pool = try await TestDatabase.migratedPool(maximumConnections: 20)
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let prefix = TestDatabase.uniqueName("storm")
        let start = try await currentTail(store)
        let writers = 16
        let target = 5_000
        let ledger = Ledger()

        let readerTask = Task {
            var reader = TailingReader(store: store, prefix: prefix, from: start)
            while !Task.isCancelled {
                try await reader.catchUp()
                if reader.payloads.count >= ledger.committedCount, ledger.finished { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            try await reader.catchUp()
            return reader
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var generator = SplitMix64(seed: UInt64(writer) &+ 0x5EED)
                    var sequence = 0
                    while true {
                        let count = Int(generator.next() % 3) + 1
                        guard ledger.reserve(count, upTo: target) else { break }
                        let payloads = (0..<count).map { "\(writer)-\(sequence)-\($0)" }
                        sequence += 1
                        let rollBack = generator.next() % 10 == 0
                        let stream = "\(prefix)-\(generator.next() % 40)"
                        let pause = Int(generator.next() % 4)
                        struct RollBack: Error {}
                        do {
                            try await pool.withTransaction { tx in
                                try await store.append(
                                    to: stream, streamType: "t", expectedVersion: .any,
                                    events: payloads.map { event("Storm", $0) }, metadata: testMetadata, in: tx)
                                // Hold the transaction open a little so commits interleave out of order.
                                if pause > 0 { try await Task.sleep(for: .milliseconds(pause)) }
                                if rollBack { throw RollBack() }
                            }
                            ledger.committed(payloads)
                        } catch is RollBack {
                            ledger.rolledBack(payloads)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        ledger.finish()
        let reader = try await readerTask.value

        #expect(ledger.committedCount + ledger.rolledBackCount >= target)
        #expect(ledger.rolledBackCount > 0)
        #expect(Set(reader.payloads).count == reader.payloads.count, "an event was delivered twice")
        #expect(Set(reader.payloads) == ledger.committedPayloads)
        #expect(Set(reader.payloads).isDisjoint(with: ledger.rolledBackPayloads))
        #expect(reader.positionsStrictlyIncrease)
    }

    /// Lag counts what an open transaction holds a projector back from: events committed after
    /// the checkpoint but still behind the fence.
    @Test func lagCountsEventsHeldBehindAnOpenTransaction() async throws {
        let pool = try await TestDatabase.migratedPool(maximumConnections: 4)
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let prefix = TestDatabase.uniqueName("lag")
        let checkpoint = try await currentTail(store)

        let held = try await Connection.connect(try TestDatabase.configuration())
        try await held.executeScript("BEGIN")
        try await store.append(
            to: "\(prefix)-held", streamType: "t", expectedVersion: .noStream,
            events: [event("Held", "held")], metadata: testMetadata, in: Transaction(connection: held))
        for index in 0..<3 {
            try await store.append(
                to: "\(prefix)-later-\(index)", streamType: "t", expectedVersion: .noStream,
                events: [event("Later", "later-\(index)")], metadata: testMetadata)
        }
        #expect(try await store.eventsAfter(checkpoint) >= 3)
        #expect(try await held.executeScript("COMMIT") == "COMMIT")
        #expect(try await store.eventsAfter(checkpoint) >= 4)
        await held.close()
    }


    private func currentTail(_ store: EventStore) async throws -> GlobalPosition {
        let row = try await store.pool.query(
            "SELECT coalesce(max(transaction_id::text::numeric), 0)::text, coalesce(max(global_position), 0) FROM events").rows[0]
        // Everything before the current tail belongs to other tests; start after it.
        return GlobalPosition(transactionId: UInt64(try row.decode(0, as: String.self)) ?? 0, position: try row.decode(1))
    }
}

/// Reads the whole log behind the fence, keeping the events of one test's streams.
struct TailingReader {
    let store: EventStore
    let prefix: String
    var checkpoint: GlobalPosition
    private(set) var payloads: [String] = []
    private(set) var positionsStrictlyIncrease = true

    init(store: EventStore, prefix: String, from checkpoint: GlobalPosition) {
        self.store = store
        self.prefix = prefix
        self.checkpoint = checkpoint
    }

    mutating func catchUp() async throws {
        while true {
            let batch = try await store.readAll(after: checkpoint, limit: 256)
            for event in batch {
                if event.position <= checkpoint { positionsStrictlyIncrease = false }
                checkpoint = event.position
                if event.streamId.hasPrefix(prefix), let payload = event.payload { payloads.append(payload) }
            }
            if batch.count < 256 { return }
        }
    }
}

/// What the writers did, shared between them and the test.
final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var reserved = 0
    private var committed: Set<String> = []
    private var rolledBackSet: Set<String> = []
    private var done = false

    /// Claims `count` more events while fewer than `target` are claimed.
    func reserve(_ count: Int, upTo target: Int) -> Bool {
        lock.withLock {
            guard reserved < target else { return false }
            reserved += count
            return true
        }
    }

    func committed(_ payloads: [String]) { lock.withLock { committed.formUnion(payloads) } }
    func rolledBack(_ payloads: [String]) { lock.withLock { rolledBackSet.formUnion(payloads) } }
    func finish() { lock.withLock { done = true } }

    var finished: Bool { lock.withLock { done } }
    var committedCount: Int { lock.withLock { committed.count } }
    var rolledBackCount: Int { lock.withLock { rolledBackSet.count } }
    var committedPayloads: Set<String> { lock.withLock { committed } }
    var rolledBackPayloads: Set<String> { lock.withLock { rolledBackSet } }
}

