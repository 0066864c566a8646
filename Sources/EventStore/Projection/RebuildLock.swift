import Postgres

/// One rebuild or verify of a projection at a time, across processes: they share the shadow
/// tables. A second one waits for the first to finish.
public enum RebuildLock {
    public static func withLock<T: Sendable>(
        _ projection: String, configuration: ConnectionConfiguration, _ body: () async throws -> T
    ) async throws -> T {
        // A connection of its own, outside the pool, so the work inside can use the whole pool.
        let connection = try await Connection.connect(configuration, name: "rebuild-lock")
        do {
            try await connection.query("SELECT pg_advisory_lock(hashtext(current_schema() || '/' || $1))", ["rebuild:" + projection])
            let value = try await body()
            await connection.close()
            return value
        } catch {
            // Closing the session releases its advisory lock.
            await connection.close()
            throw error
        }
    }
}
