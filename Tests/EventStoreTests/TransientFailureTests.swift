import EventStore
import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

/// A failure that passes (a lock or statement timeout, a deadlock, a lost connection) is retried
/// with backoff; it never parks the projector, which applies every event once afterwards.
@Suite struct TransientFailureTests {
    /// The effects table's store, its sessions with short lock and statement timeouts.
    static func impatientStore(_ effects: EffectTable) -> EventStore {
        var configuration = effects.pool.configuration
        configuration.sessionSettings.lockTimeoutMilliseconds = 200
        configuration.sessionSettings.statementTimeoutMilliseconds = 500
        return EventStore(pool: ConnectionPool(configuration: configuration, options: .init(maximumConnections: 2)))
    }

    @Test func aLockTimeoutIsRetriedAndNeverParks() async throws {
        try await EffectTable.with { effects in
            let store = Self.impatientStore(effects)
            let positions = try await effects.append(3)
            let holder = try await Connection.connect(effects.pool.configuration)
            try await holder.executeScript("BEGIN; LOCK TABLE \(quoteIdentifier(effects.name)) IN ACCESS EXCLUSIVE MODE")
            let retries = Atomic<Int>(0)
            let errors = Mutex<[String]>([])
            let running = Task {
                await ProjectorRunner(projector: effects.projector(), store: store).run(
                    pollInterval: .milliseconds(50),
                    onRetry: { error, _ in
                        if case .failure(let failure)? = error as? EventStoreError, failure.sqlState == "55P03" {
                            retries.add(1, ordering: .relaxed)
                        }
                    },
                    onError: { error in errors.withLock { $0.append(String(describing: error)) } })
            }
            let deadline = ContinuousClock.now + .seconds(20)
            while retries.load(ordering: .relaxed) < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(retries.load(ordering: .relaxed) >= 2)
            #expect(try await effects.checkpoint()?.failure == nil, "a lock timeout parked the projector")
            try await holder.executeScript("ROLLBACK")
            await holder.close()
            try await effects.waitUntilPassed(positions, timeout: .seconds(20))
            running.cancel()
            await running.value
            #expect(try await effects.counts() == Dictionary(uniqueKeysWithValues: positions.map { ($0.position, 1) }))
            #expect(errors.withLock { $0 } == [])
            await store.pool.close()
        }
    }

    @Test func aCancelledStatementIsTransientAndLeavesTheProjectorRunning() async throws {
        try await EffectTable.with { effects in
            let store = Self.impatientStore(effects)
            _ = try await effects.append(1)
            // Each batch sleeps past the statement timeout: the server cancels it (57014).
            let runner = ProjectorRunner(projector: effects.projector(pause: 2), store: store)
            let deadline = ContinuousClock.now + .seconds(20)
            var cancelled: StoreFailure?
            while cancelled == nil, ContinuousClock.now < deadline {
                do {
                    if case .parked(let failure) = try await runner.runOnce() {
                        Issue.record("parked on a cancelled statement: \(failure)")
                        break
                    }
                    try await Task.sleep(for: .milliseconds(20))
                } catch EventStoreError.failure(let failure) {
                    cancelled = failure
                }
            }
            #expect(cancelled?.sqlState == "57014")
            #expect(cancelled?.isTransient == true)
            #expect(try await effects.checkpoint()?.failure == nil)
            await store.pool.close()
        }
    }

    @Test(arguments: [
        ("57014", true), ("40P01", true), ("40001", true), ("55P03", true), ("53300", true), ("08006", true),
        ("23505", false), ("22P02", false), ("42P01", false), ("42501", false),
    ])
    func whichServerErrorsPass(sqlState: String, transient: Bool) {
        #expect(PostgresError(kind: .server, sqlState: SQLState(sqlState), message: "x").isTransient == transient)
    }
}
