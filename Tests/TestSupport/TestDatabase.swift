import EventStore
import Foundation
import Postgres

/// The PostgreSQL server the tests run against: `DATABASE_URL`, which `make test` sets to a
/// throwaway cluster it starts and stops itself. Tests never mock the database.
public enum TestDatabase {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "DATABASE_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL"
        }
    }

    public static func configuration() throws -> ConnectionConfiguration {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { throw Missing() }
        return ConnectionConfiguration(connectionString: url)
    }

    /// A pool on the test database; its schema is migrated first.
    public static func migratedPool(maximumConnections: Int = 8) async throws -> ConnectionPool {
        let pool = ConnectionPool(
            configuration: try configuration(),
            options: .init(maximumConnections: maximumConnections, acquireTimeout: .seconds(30)))
        try await Migrator(pool: pool).migrate()
        return pool
    }

    /// A name no other test (or earlier run) uses: for streams, tables and channels.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
    }
}
