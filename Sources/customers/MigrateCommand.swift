import ArgumentParser
import EventStore
import Postgres

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the schema migrations the database lacks (the SQL is inside this binary).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let pool = ConnectionPool(configuration: try database.configuration(), options: .init(maximumConnections: 1))
        do {
            let applied = try await Migrator(pool: pool).migrate()
            if applied.isEmpty {
                print("schema is up to date (\(Migration.embedded.count) migrations)")
            } else {
                for migration in applied { print("applied \(migration.version) \(migration.name)") }
            }
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
