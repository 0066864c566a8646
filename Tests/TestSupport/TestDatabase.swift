import CustomerService
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

    public struct MissingMasterKey: Error, CustomStringConvertible {
        public var description: String {
            "CUSTOMERS_MASTER_KEY is not set: run the tests with `make test`, which makes one for its throwaway database"
        }
    }

    /// The master key of the test database's customer keys (base64), which `make test` makes
    /// for each run; every test and every binary a test starts uses this one.
    public static func masterKeyBase64() throws -> String {
        guard let key = ProcessInfo.processInfo.environment["CUSTOMERS_MASTER_KEY"], !key.isEmpty else {
            throw MissingMasterKey()
        }
        return key
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
        try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
        return pool
    }

    /// A name no other test (or earlier run) uses: for streams, tables and channels.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
    }
}

extension TestDatabase {
    /// Runs `body` with a pool whose sessions use a schema of their own, migrated and dropped
    /// afterwards: for tests that take locks no other test may wait behind.
    public static func withScratchSchema<T: Sendable>(
        maximumConnections: Int = 2, _ body: (ConnectionPool) async throws -> T
    ) async throws -> T {
        let schema = uniqueName("scratch")
        let admin = try await Connection.connect(try configuration())
        try await admin.executeScript("CREATE SCHEMA \(quoteIdentifier(schema))")
        var scoped = try configuration()
        scoped.sessionSettings.searchPath = schema
        let pool = ConnectionPool(configuration: scoped, options: .init(maximumConnections: maximumConnections, acquireTimeout: .seconds(30)))
        do {
            try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            let value = try await body(pool)
            await pool.close()
            try await admin.executeScript("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE")
            await admin.close()
            return value
        } catch {
            await pool.close()
            _ = try? await admin.executeScript("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE")
            await admin.close()
            throw error
        }
    }
}
