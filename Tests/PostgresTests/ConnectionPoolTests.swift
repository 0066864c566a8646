import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct ConnectionPoolTests {
    @Test func connectionKilledByTheServerIsReplacedAndTheNextQuerySucceeds() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 1))
        defer { Task { await pool.close() } }
        let killer = try await Connection.connect(try TestDatabase.configuration())
        let firstPID = try await pool.query("SELECT pg_backend_pid()").rows[0].decode(0, as: Int32.self)

        try await killer.query("SELECT pg_terminate_backend($1)", [firstPID])
        try await waitUntilGone(pid: firstPID, on: killer)

        let secondPID = try await pool.query("SELECT pg_backend_pid()").rows[0].decode(0, as: Int32.self)
        #expect(secondPID != firstPID)
        await killer.close()
    }

    @Test func aConnectionThatBrokeMidStatementIsReplaced() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 1))
        defer { Task { await pool.close() } }
        let killer = try await Connection.connect(try TestDatabase.configuration())
        let pid = try await pool.query("SELECT pg_backend_pid()").rows[0].decode(0, as: Int32.self)
        let sleeping = Task { try await pool.query("SELECT pg_sleep(10)") }
        try await waitUntilActive(pid: pid, on: killer)
        try await killer.query("SELECT pg_terminate_backend($1)", [pid])
        await #expect(throws: PostgresError.self) { _ = try await sleeping.value }
        #expect(try await pool.query("SELECT 1").rows[0].decode(0, as: Int.self) == 1)
        await killer.close()
    }

    @Test func neverOpensMoreThanItsBound() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 3))
        defer { Task { await pool.close() } }
        let peak = try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask { try await pool.query("SELECT pg_sleep(0.05)") }
            }
            var peak = 0
            for _ in 0..<20 {
                peak = max(peak, await pool.usage().open)
                try await Task.sleep(for: .milliseconds(10))
            }
            try await group.waitForAll()
            return peak
        }
        #expect(peak <= 3)
        #expect(await pool.usage().open <= 3)
        #expect(await pool.usage().inUse == 0)
    }

    @Test func waitingLongerThanTheAcquireTimeoutFails() async throws {
        let pool = ConnectionPool(
            configuration: try TestDatabase.configuration(),
            options: .init(maximumConnections: 1, acquireTimeout: .milliseconds(100)))
        defer { Task { await pool.close() } }
        let holder = Task { try await pool.query("SELECT pg_sleep(2)") }
        // Wait until the holder has the only connection, however busy the machine is.
        for _ in 0..<200 where await pool.usage().inUse == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await pool.usage().inUse == 1)
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .poolTimeout)
        _ = try await holder.value
        #expect(try await pool.query("SELECT 1").rows.count == 1)
    }

    /// Blocking libpq calls run on the connections' own threads: six two-second sleeps finish
    /// together, and the cooperative pool stays free meanwhile. Had they run on the pool's
    /// threads (one per core here), they would take at least six seconds and stall other work
    /// for at least two; the bounds leave room for a machine busy with other tests.
    @Test func blockingCallsDoNotOccupyTheCooperativePool() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 6))
        defer { Task { await pool.close() } }
        for _ in 0..<6 { _ = try await pool.query("SELECT 1") }
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { try await pool.query("SELECT pg_sleep(2)") }
            }
            // While six connections block in libpq, plain async work still runs.
            let tickStart = clock.now
            await Task.yield()
            try await Task.sleep(for: .milliseconds(10))
            #expect(clock.now - tickStart < .milliseconds(1_500))
            try await group.waitForAll()
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func closedPoolRefusesBorrowers() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        try await pool.query("SELECT 1")
        await pool.close()
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .poolClosed)
    }
}
