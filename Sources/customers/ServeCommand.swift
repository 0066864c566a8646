import ArgumentParser
import CustomerAPI
import EventStore
import Hummingbird
import Logging
import Postgres
import ServiceLifecycle

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
        let projectors = ProjectorService(store: EventStore(pool: pool), logger: logger)
        // SIGTERM and SIGINT stop accepting, let requests in flight finish, then stop the projectors.
        let services = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: projectors)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await services.run()
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
