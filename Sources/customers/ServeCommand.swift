import ArgumentParser
import CustomerAPI
import EventStore
import Hummingbird
import Logging
import Postgres

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        var logger = Logger(label: "customers")
        logger.logLevel = .info
        let pool = ConnectionPool(configuration: try database.configuration())
        let migrator = Migrator(pool: pool)
        let expected = Migration.embedded.map(\.version)
        let configuration = APIConfiguration(host: host, port: port) {
            (try? await migrator.appliedVersions()) == expected
        }
        let app = buildApplication(configuration: configuration, logger: logger)
        do {
            // Handles SIGTERM and SIGINT: stops accepting, lets requests in flight finish.
            try await app.runService()
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
