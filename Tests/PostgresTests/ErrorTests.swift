import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct ErrorTests {
    @Test func uniqueViolationIsRecognisable() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let table = TestDatabase.uniqueName("unique_check")
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)") } }
        try await pool.query("INSERT INTO \(table) VALUES ($1)", [1])
        let error = await #expect(throws: PostgresError.self) {
            try await pool.query("INSERT INTO \(table) VALUES ($1)", [1])
        }
        #expect(error?.isUniqueViolation == true)
        #expect(error?.kind == .server)
        #expect(error?.constraint == "\(table)_pkey")
        #expect(error?.isSerializationFailure == false)
    }

    @Test func serializationFailureIsRecognisable() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let table = TestDatabase.uniqueName("serial_check")
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY, n int)")
        try await pool.query("INSERT INTO \(table) VALUES (1, 0), (2, 0)")
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)") } }
        let first = try await Connection.connect(try TestDatabase.configuration())
        let second = try await Connection.connect(try TestDatabase.configuration())
        // Write skew: each reads what the other writes.
        try await first.executeScript("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try await second.executeScript("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try await first.query("SELECT sum(n) FROM \(table)")
        try await second.query("SELECT sum(n) FROM \(table)")
        try await first.query("UPDATE \(table) SET n = 1 WHERE id = 1")
        try await second.query("UPDATE \(table) SET n = 1 WHERE id = 2")
        try await first.executeScript("COMMIT")
        let error = await #expect(throws: PostgresError.self) { try await second.executeScript("COMMIT") }
        #expect(error?.isSerializationFailure == true)
        #expect(error?.sqlState == .serializationFailure)
        await first.close()
        await second.close()
    }

    @Test func connectionLostMidStatementIsRecognisable() async throws {
        let victim = try await Connection.connect(try TestDatabase.configuration())
        let killer = try await Connection.connect(try TestDatabase.configuration())
        let pid = try await victim.backendPID()
        let sleeping = Task { try await victim.query("SELECT pg_sleep(10)") }
        try await waitUntilActive(pid: pid, on: killer)
        try await killer.query("SELECT pg_terminate_backend($1)", [pid])
        let error = await #expect(throws: PostgresError.self) { _ = try await sleeping.value }
        #expect(error?.isConnectionLost == true)
        #expect(victim.isBroken)
        await victim.close()
        await killer.close()
    }

    @Test func badConnectionStringFailsToConnect() async throws {
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(ConnectionConfiguration(connectionString: "postgresql://nobody@127.0.0.1:1/none"))
        }
        #expect(error?.kind == .connectionFailed)
    }

    @Test func syntaxErrorCarriesTheServerMessage() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELEC 1") }
        #expect(error?.sqlState?.code == "42601")
        #expect(error?.message.contains("SELEC") == true)
        // The connection stays usable after a statement error.
        #expect(try await pool.query("SELECT 1").rows[0].decode(0, as: Int.self) == 1)
    }
}

/// Waits until the backend `pid` is running a statement.
func waitUntilActive(pid: Int32, on connection: Connection) async throws {
    for _ in 0..<200 {
        let state = try await connection.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid])
        if try state.first?.decode(0, as: String?.self) == "active" { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("backend \(pid) never became active")
}

/// Waits until the backend `pid` has exited.
func waitUntilGone(pid: Int32, on connection: Connection) async throws {
    for _ in 0..<200 {
        let rows = try await connection.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])
        if rows.isEmpty { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("backend \(pid) is still there")
}
