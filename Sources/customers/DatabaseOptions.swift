import ArgumentParser
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
