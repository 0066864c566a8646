import ArgumentParser
import CustomerService
import EventStore
import Postgres

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the schema migrations the database lacks (the SQL is inside this binary).",
        discussion: """
            With --service-login NAME it also makes NAME the service's login role: a member of \
            customers_service and nothing else, with the password in CUSTOMERS_SERVICE_PASSWORD (or the \
            file CUSTOMERS_SERVICE_PASSWORD_FILE names; without one an existing password is kept).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "A login role to create (or narrow) for `serve`: a member of customers_service only.")
    var serviceLogin: String?
    @Flag(help: "Print, as the last line, the connection string `serve` logs in with as --service-login.")
    var printServiceURL = false

    func validate() throws {
        if printServiceURL, serviceLogin == nil { throw ValidationError("--print-service-url needs --service-login") }
    }

    func run() async throws {
        let configuration = try database.configuration()
        let pool = ConnectionPool(configuration: configuration, options: .init(maximumConnections: 1))
        do {
            let applied = try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            if applied.isEmpty {
                let schema = CustomerSchema.database
                print("schema is up to date (\(schema.layers.map(\.tables.count).reduce(0, +)) migrations, \(schema.layers.map(\.objects.count).reduce(0, +)) objects)")
            } else {
                for migration in applied.migrations { print("applied \(migration.version) \(migration.name)") }
                for object in applied.objects { print("applied \(object.name)") }
            }
            // With the master key at hand, reservations made before the blind index get it now;
            // without it, `serve` does so when it starts.
            if let masterKey = try? MasterKey.fromEnvironment() {
                let indexed = try await PersonalDataVault(masterKey: masterKey).emailIndex
                    .indexLegacyReservations(on: EventStore(pool: pool))
                if indexed > 0 { print("indexed \(indexed) email reservations") }
            }
            if let serviceLogin {
                let password = try ServiceLogin.password()
                try await ServiceLogin(name: serviceLogin, password: password).apply(on: pool)
                print("login role \(serviceLogin): a member of \(ServiceLogin.serviceRole) only")
                if printServiceURL { print(try configuration.connectionString(user: serviceLogin, password: password)) }
            }
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
