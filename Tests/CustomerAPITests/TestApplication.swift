import CustomerAPI
import CustomerService
import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import TestSupport

/// The API against the test database, with one key per scope and one with every scope.
enum TestApplication {
    static let keyring = try! APIKeyring(parsing: """
        writer:writer-secret-0000000001:customers:write
        reader:reader-secret-0000000001:customers:read
        reviewer:reviewer-secret-000000001:reviews:write
        approver:approver-secret-000000001:reviews:write
        auditor:auditor-secret-00000000001:audit:read
        admin:admin-secret-000000000001:admin
        metrics:metrics-secret-0000000001:metrics:read
        everything:everything-secret-0000001:customers:write,customers:read,reviews:write,audit:read,admin,metrics:read
        """ + "\n" + scopeSetKeys)

    /// One key per set of scopes (`scopes-<bits>`), for walking every route with exactly the
    /// scopes a test names.
    private static let scopeSetKeys: String = (1..<(1 << Scope.allCases.count)).map { bits in
        let scopes = Scope.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element.rawValue)
        return "scopes-\(bits):scopes-secret-\(String(bits, radix: 10))-0000000000:\(scopes.joined(separator: ","))"
    }.joined(separator: "\n")

    /// Headers with the bearer token of the key holding exactly `scopes`.
    static func bearerHeaders(scopes: Set<Scope>) -> HTTPFields {
        let bits = Scope.allCases.enumerated().reduce(0) { bits, scope in scopes.contains(scope.element) ? bits | (1 << scope.offset) : bits }
        var fields = headers(nil)
        fields[.authorization] = "Bearer scopes-secret-\(bits)-0000000000"
        return fields
    }

    static func bearer(_ name: String) -> String {
        let secrets = [
            "writer": "writer-secret-0000000001", "reader": "reader-secret-0000000001",
            "reviewer": "reviewer-secret-000000001", "approver": "approver-secret-000000001", "auditor": "auditor-secret-00000000001",
            "admin": "admin-secret-000000000001", "metrics": "metrics-secret-0000000001",
            "everything": "everything-secret-0000001",
        ]
        return "Bearer " + secrets[name]!
    }

    /// The customers' keys under the test run's master key.
    static func vault() throws -> PersonalDataVault {
        PersonalDataVault(masterKey: try MasterKey(base64: TestDatabase.masterKeyBase64()))
    }

    static func configuration() -> APIConfiguration {
        APIConfiguration(keyring: keyring, readinessCheck: { true })
    }

    /// Runs `body` with a router-level test client on a migrated database; the sessions of the
    /// application's pool are named `applicationName`, so a test can find them in pg_stat_activity.
    static func withClient<T: Sendable>(
        applicationName: String = "customers", rateLimits: RateLimits = RateLimits(),
        _ body: @Sendable (any TestClientProtocol, ConnectionPool) async throws -> T
    ) async throws -> T {
        var configuration = try TestDatabase.configuration()
        configuration.sessionSettings.applicationName = applicationName
        let pool = ConnectionPool(configuration: configuration, options: .init(maximumConnections: 16, acquireTimeout: .seconds(30)))
        try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
        let services = APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault()))
        var apiConfiguration = Self.configuration()
        apiConfiguration.rateLimits = rateLimits
        let app = buildApplication(configuration: apiConfiguration, services: services, logger: Logger(label: "test"))
        do {
            let value = try await app.test(.router) { client in try await body(client, pool) }
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static let janeSmith = """
        {"type":"individual","email":"EMAIL","phone":"+14155550123",
         "address":{"line1":"233 S Wacker Dr","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"},
         "personalInformation":{"firstName":"Jane","lastName":"Smith","dateOfBirth":"1990-04-12",
           "taxIdentificationNumber":"123-45-6789","taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"}}
        """

    /// Jane Smith's body with an email no other test uses.
    static func uniqueJane() -> (body: String, email: String) {
        let email = "jane.\(UUID().uuidString.prefix(8).lowercased())@example.com"
        return (janeSmith.replacingOccurrences(of: "EMAIL", with: email), email)
    }

    static func headers(_ key: String?, json: Bool = true, idempotencyKey: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        if let key { fields[.authorization] = bearer(key) }
        if json { fields[.contentType] = "application/json" }
        if let idempotencyKey { fields[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        return fields
    }
}
