import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct TransactionTests {
    @Test func commitsWhatTheBodyWrote() async throws {
        let (pool, table) = try await poolWithTable()
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        try await pool.withTransaction { tx in
            try await tx.query("INSERT INTO \(table) VALUES ($1)", [1])
            try await tx.query("INSERT INTO \(table) VALUES ($1)", [2])
        }
        #expect(try await count(table, pool) == 2)
    }

    @Test func rollsBackWhenTheBodyThrows() async throws {
        struct Abort: Error {}
        let (pool, table) = try await poolWithTable()
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        await #expect(throws: Abort.self) {
            try await pool.withTransaction { tx in
                try await tx.query("INSERT INTO \(table) VALUES ($1)", [1])
                throw Abort()
            }
        }
        #expect(try await count(table, pool) == 0)
    }

    @Test func aSwallowedStatementErrorStillFailsTheCommit() async throws {
        let (pool, table) = try await poolWithTable()
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        await #expect(throws: PostgresError.self) {
            try await pool.withTransaction { tx in
                try await tx.query("INSERT INTO \(table) VALUES ($1)", [1])
                _ = try? await tx.query("INSERT INTO \(table) VALUES ($1)", [1])
            }
        }
        #expect(try await count(table, pool) == 0)
    }

    @Test func pipelineSendsABatchAndCommitsItTogether() async throws {
        let (pool, table) = try await poolWithTable()
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        let statements = (1...100).map { Statement("INSERT INTO \(table) VALUES ($1) RETURNING id", [$0]) }
        let results = try await pool.withConnection { try await $0.pipeline(statements) }
        #expect(results.count == 100)
        #expect(try results.last?.rows[0].decode(0, as: Int.self) == 100)
        #expect(try await count(table, pool) == 100)
    }

    @Test func aFailingStatementAbortsTheWholePipeline() async throws {
        let (pool, table) = try await poolWithTable()
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        let statements = [
            Statement("INSERT INTO \(table) VALUES ($1)", [1]),
            Statement("INSERT INTO \(table) VALUES ($1)", [1]),
            Statement("INSERT INTO \(table) VALUES ($1)", [3]),
        ]
        let error = await #expect(throws: PostgresError.self) {
            _ = try await pool.withConnection { try await $0.pipeline(statements) }
        }
        #expect(error?.isUniqueViolation == true)
        #expect(try await count(table, pool) == 0)
        // The connection leaves pipeline mode in a usable state.
        #expect(try await pool.query("SELECT 1").rows.count == 1)
    }

    /// The commit at the pipeline's sync point can fail on its own (here a deferred constraint,
    /// checked only at commit): every statement succeeded, yet the batch did not happen.
    @Test func aCommitRefusedAtTheSyncPointFailsThePipeline() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 2))
        let table = TestDatabase.uniqueName("tx_deferred")
        try await pool.query("CREATE TABLE \(table) (id int, CONSTRAINT \(table)_unique UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)")
        defer { Task { _ = try? await pool.query("DROP TABLE \(table)"); await pool.close() } }
        let statements = [Statement("INSERT INTO \(table) VALUES ($1)", [1]), Statement("INSERT INTO \(table) VALUES ($1)", [1])]
        let error = await #expect(throws: PostgresError.self) {
            _ = try await pool.withConnection { try await $0.pipeline(statements) }
        }
        #expect(error?.isUniqueViolation == true)
        #expect(try await count(table, pool) == 0)
        #expect(try await pool.query("SELECT 1").rows.count == 1)
    }

    private func poolWithTable() async throws -> (ConnectionPool, String) {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 2))
        let table = TestDatabase.uniqueName("tx_check")
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        return (pool, table)
    }

    private func count(_ table: String, _ pool: ConnectionPool) async throws -> Int {
        try await pool.query("SELECT count(*) FROM \(table)").rows[0].decode(0)
    }
}
