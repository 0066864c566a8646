import ArgumentParser
import Foundation
import EventStore
import Postgres

/// `--database-url`, defaulting to `DATABASE_URL`: a libpq connection string or URI.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "libpq connection string or URI (default: $DATABASE_URL)")
    var databaseURL: String?

    func configuration() throws -> ConnectionConfiguration {
        guard let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("set DATABASE_URL (or pass --database-url) to a libpq connection string or URI")
        }
        return ConnectionConfiguration(connectionString: url)
    }
}

extension DatabaseOptions {
    /// Runs `body` with an event store on a migrated database, closing the pool afterwards.
    func withStore<T>(maximumConnections: Int = 8, _ body: (EventStore) async throws -> T) async throws -> T {
        let pool = ConnectionPool(
            configuration: try configuration(), options: .init(maximumConnections: maximumConnections))
        do {
            try await Migrator(pool: pool).migrate()
            let value = try await body(EventStore(pool: pool))
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}
