import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct OptimisticConcurrencyTests {
    /// 32 tasks append to one stream with the version they read until each has won 3 times:
    /// every version is won exactly once and every loser is told so with the typed error.
    @Test func exactlyOneWriterWinsEachVersion() async throws {
        let pool = try await TestDatabase.migratedPool(maximumConnections: 32)
        defer { Task { await pool.close() } }
        let store = EventStore(pool: pool)
        let stream = TestDatabase.uniqueName("contended")
        let tasks = 32
        let winsPerTask = 3

        let outcomes = try await withThrowingTaskGroup(of: (wins: [Int64], conflicts: Int).self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var wins: [Int64] = []
                    var conflicts = 0
                    while wins.count < winsPerTask {
                        let read = try await store.version(of: stream)
                        do {
                            let result = try await store.append(
                                to: stream, streamType: "test", expectedVersion: .after(read),
                                events: [event("Won", "\(task)")], metadata: testMetadata)
                            #expect(result.streamVersion == (read ?? 0) + 1)
                            wins.append(result.streamVersion)
                        } catch EventStoreError.wrongExpectedVersion(let failedStream, let expected, let actual) {
                            #expect(failedStream == stream)
                            #expect(expected == .after(read))
                            #expect(actual != read)
                            conflicts += 1
                        }
                    }
                    return (wins, conflicts)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        let total = tasks * winsPerTask
        let wonVersions = outcomes.flatMap(\.wins).sorted()
        #expect(wonVersions == Array(1...Int64(total)))
        #expect(outcomes.map(\.conflicts).reduce(0, +) > 0)
        let stored = try await store.read(stream: stream)
        #expect(stored.map(\.streamVersion) == Array(1...Int64(total)))
        #expect(Set(stored.map(\.position)).count == total)
    }
}
