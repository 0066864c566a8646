import ArgumentParser
import CustomerAPI
import CustomerService
import EventStore
import Foundation
import Hummingbird
import Logging
import Metrics
import Postgres
import Prometheus
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and run the asynchronous projectors.",
        discussion: """
            API keys: CUSTOMERS_API_KEYS holds entries name:secret:scope[,scope…] separated by ';',
            or CUSTOMERS_API_KEYS_FILE names a file with one entry a line. Scopes: \
            \(Scope.allCases.map(\.rawValue).joined(separator: ", ")).
            The master key that wraps every customer's data key: CUSTOMERS_MASTER_KEY (the base64 of \
            32 random bytes) or CUSTOMERS_MASTER_KEY_FILE.
            Webhooks are delivered to https URLs, and to http ones only on the hosts \
            CUSTOMERS_WEBHOOK_ALLOWED_HOSTS lists (comma-separated; loopback hosts only when listed).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Database connections in the pool.") var connections = 16
    @Option(help: "Role the sessions run as, e.g. customers_service (default: $CUSTOMERS_DATABASE_ROLE, else the login role).")
    var databaseRole: String?
    @Option(help: "Seconds a request waits for a database connection before it gets a 503.") var databaseWaitTimeout = 10
    @Option(help: "Seconds a statement may run before the server cancels it (the request gets a 503).") var statementTimeout = 30
    @Option(help: "Seconds a statement may wait for a lock before it gives up (the request gets a 503).") var lockTimeout = 5
    @Option(help: "Seconds a connection may send nothing before it is closed.") var idleTimeout = 30
    @Option(help: "Seconds a client has to send a request's head (headers).") var requestHeadTimeout = 30
    @Option(help: "Seconds a client has to send a request's body after its head.") var requestBodyTimeout = 120
    @Option(help: "Read requests (GET, HEAD) a second per API key, in this instance; 0 turns the limit off.")
    var rateLimitRead = 100
    @Option(help: "Write requests (POST, PATCH, DELETE) a second per API key, in this instance; 0 turns the limit off.")
    var rateLimitWrite = 100
    @Flag(inversion: .prefixedEnableDisable, help: "Deliver webhooks from this instance (another instance may).")
    var webhookDelivery = true
    @Option(help: "on: a profile decision by the API key that accepted one of its documents is refused (403); off for sandboxes.")
    var fourEyes: Switch = .on
    @Flag(help: "Mark the review console's cookies Secure on every answer (behind a TLS proxy that sends no X-Forwarded-Proto).")
    var consoleSecureCookies = false
    @Option(help: "Seconds between seals of the log, signed with $CUSTOMERS_AUDIT_SIGNING_KEY; 0 never seals.")
    var sealEvery = 0

    func validate() throws {
        for (name, value) in [("database-wait-timeout", databaseWaitTimeout), ("statement-timeout", statementTimeout),
                              ("lock-timeout", lockTimeout), ("idle-timeout", idleTimeout),
                              ("request-head-timeout", requestHeadTimeout), ("request-body-timeout", requestBodyTimeout)]
        where !(1...3_600).contains(value) {
            throw ValidationError("--\(name) must be 1…3600 seconds")
        }
        for (name, value) in [("rate-limit-read", rateLimitRead), ("rate-limit-write", rateLimitWrite)]
        where !(0...1_000_000).contains(value) {
            throw ValidationError("--\(name) must be 0 (off) to 1000000 requests a second")
        }
        guard (0...604_800).contains(sealEvery) else { throw ValidationError("--seal-every must be 0 (never) to 604800 seconds") }
    }

    func run() async throws {
        var logger = Logger(label: "customers")
        logger.logLevel = .info
        let keyring = try Self.keyring()
        let vault = PersonalDataVault(masterKey: try MasterKey.fromEnvironment())
        let signingKey = sealEvery > 0 ? try AuditSigningKey.fromEnvironment() : nil
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        var databaseConfiguration = try database.configuration()
        databaseConfiguration.sessionSettings.role = databaseRole
            ?? ProcessInfo.processInfo.environment["CUSTOMERS_DATABASE_ROLE"].flatMap { $0.isEmpty ? nil : $0 }
        // No request waits unbounded: not behind a lock (a rebuild's swap), not on a slow statement.
        databaseConfiguration.sessionSettings.statementTimeoutMilliseconds = statementTimeout * 1000
        databaseConfiguration.sessionSettings.lockTimeoutMilliseconds = lockTimeout * 1000
        let pool = ConnectionPool(configuration: databaseConfiguration, options: .init(maximumConnections: connections, acquireTimeout: .seconds(databaseWaitTimeout)))
        let store = EventStore(pool: pool)
        let migrator = Migrator(pool: pool, schema: CustomerSchema.database)
        try await vault.checkMasterKey(on: store)
        // Reservations made before the blind index get it before any creation compares with them.
        let indexed = try await vault.emailIndex.indexLegacyReservations(on: store)
        if indexed > 0 { logger.info("email reservations indexed", metadata: ["reservations": "\(indexed)"]) }
        // The projectors this process runs would miss events behind a restored log's fence.
        try await store.requireIntactFence()
        var configuration = APIConfiguration(
            host: host, port: port, keyring: keyring,
            readinessCheck: { (try? await migrator.isUpToDate()) == true },
            metricsText: {
                var buffer: [UInt8] = []
                registry.emit(into: &buffer)
                return String(decoding: buffer, as: UTF8.self)
            })
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.requestHeadTimeout = .seconds(requestHeadTimeout)
        configuration.requestBodyTimeout = .seconds(requestBodyTimeout)
        configuration.rateLimits = RateLimits(read: rateLimitRead, write: rateLimitWrite)
        configuration.consoleSecureCookies = consoleSecureCookies
        let customerServices = CustomerServices(store: store, vault: vault, webhookPolicy: WebhookURLPolicy.fromEnvironment(), fourEyes: fourEyes == .on)
        let app = buildApplication(configuration: configuration, services: APIServices(customerServices), logger: logger)
        // SIGTERM and SIGINT stop accepting, let requests in flight finish, then stop the rest.
        var background: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if webhookDelivery {
            background.append(.init(service: WebhookService(dispatcher: WebhookDispatcher(services: customerServices), logger: logger)))
        }
        if let signingKey {
            background.append(.init(service: SealService(
                sealer: AuditSealer(store: store, key: signingKey), interval: .seconds(sealEvery), logger: logger)))
        }
        let services = ServiceGroup(configuration: .init(
            services: background + [
                .init(service: app),
                .init(service: ProjectorService(store: store, logger: logger)),
                .init(service: GaugeSampler(store: store, deliveries: customerServices.deliveries)),
                .init(service: MasterKeyWatch(vault: vault, store: store, logger: logger)),
            ],
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

    static func keyring() throws -> APIKeyring {
        let environment = ProcessInfo.processInfo.environment
        let text: String
        if let path = environment["CUSTOMERS_API_KEYS_FILE"], !path.isEmpty {
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw CommandFailure("cannot read CUSTOMERS_API_KEYS_FILE \(path): \(error.localizedDescription)")
            }
        } else {
            text = environment["CUSTOMERS_API_KEYS"] ?? ""
        }
        let keyring: APIKeyring
        do { keyring = try APIKeyring(parsing: text) } catch { throw CommandFailure("API keys: \(error)") }
        guard !keyring.keys.isEmpty else {
            throw CommandFailure("no API keys: set CUSTOMERS_API_KEYS or CUSTOMERS_API_KEYS_FILE (entries name:secret:scope,…)")
        }
        return keyring
    }
}

/// An option that is `on` or `off`.
enum Switch: String, ExpressibleByArgument, CaseIterable {
    case on, off
}
