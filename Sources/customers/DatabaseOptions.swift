import ArgumentParser
import CustomerService
import EventStore
import Foundation
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
            try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            let value = try await body(EventStore(pool: pool))
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}

extension DatabaseOptions {
    /// Runs `body` with an event store and the customers' keys, unwrapped by the master key from
    /// `CUSTOMERS_MASTER_KEY`, which must be the one the database's keys are wrapped with.
    func withPersonalData<T>(
        maximumConnections: Int = 8, _ body: (EventStore, PersonalDataVault) async throws -> T
    ) async throws -> T {
        let vault = PersonalDataVault(masterKey: try MasterKey.fromEnvironment())
        return try await withStore(maximumConnections: maximumConnections) { store in
            try await vault.checkMasterKey(on: store)
            return try await body(store, vault)
        }
    }
}

extension PersonalDataVault {
    /// The vault of `CUSTOMERS_MASTER_KEY`, checked against the database; nil when it is not set.
    static func fromEnvironment(checkedOn store: EventStore) async throws -> PersonalDataVault? {
        let masterKey: MasterKey
        do {
            masterKey = try MasterKey.fromEnvironment()
        } catch MasterKey.Problem.missing {
            return nil
        }
        let vault = PersonalDataVault(masterKey: masterKey)
        try await vault.checkMasterKey(on: store)
        return vault
    }
}
