import Postgres
import TestSupport

/// Rebuild and verify build shadow tables with fixed names (`customers_rebuild`, …) and drop
/// any that exist first, so two running at once would destroy each other's shadows. Tests that
/// rebuild or verify hold this lock meanwhile: a session-level advisory lock, so it also holds
/// between suites running in parallel and between processes sharing the database.
enum ShadowTableLock {
    static func exclusively<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let connection = try await Connection.connect(try TestDatabase.configuration(), name: "shadow-table-lock")
        do {
            try await connection.query("SELECT pg_advisory_lock(hashtext('tests:shadow-tables'))")
            let value = try await body()
            // Closing the session releases the lock.
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }
}
