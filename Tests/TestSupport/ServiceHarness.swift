import JSON
import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// The service wired to the test database: the command handler, the read-model queries and the
/// customer's history in the log, plus the comparison every read-model test makes.
public struct ServiceHarness: Sendable {
    public let pool: ConnectionPool
    public let store: EventStore
    public let handler: CommandHandler
    public let vault: PersonalDataVault

    public init(pool: ConnectionPool, store: EventStore, handler: CommandHandler, vault: PersonalDataVault) {
        self.pool = pool
        self.store = store
        self.handler = handler
        self.vault = vault
    }

    public var queries: CustomerQueries { CustomerQueries(store: store, emailIndex: vault.emailIndex) }
    public var history: CustomerHistory { CustomerHistory(store: store, vault: vault) }
    /// Rebuild and verify of the customer read models.
    public var projection: ProjectorRebuild { ProjectorRebuild(projector: CustomerReadModelProjector(vault: vault), store: store) }

    /// The customers' keys under the test run's master key.
    public static func vault() throws -> PersonalDataVault {
        PersonalDataVault(masterKey: try MasterKey(base64: TestDatabase.masterKeyBase64()))
    }

    /// Runs `body` with a harness on its own pool, and closes the pool afterwards.
    public static func with<T: Sendable>(
        maximumConnections: Int = 8, maximumAttempts: Int = 8, applicationName: String = "customers",
        _ body: (ServiceHarness) async throws -> T
    ) async throws -> T {
        var configuration = try TestDatabase.configuration()
        configuration.sessionSettings.applicationName = applicationName
        let pool = ConnectionPool(
            configuration: configuration, options: .init(maximumConnections: maximumConnections, acquireTimeout: .seconds(30)))
        try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
        let store = EventStore(pool: pool)
        let vault = try vault()
        let harness = ServiceHarness(
            pool: pool, store: store, handler: CommandHandler(store: store, vault: vault, maximumAttempts: maximumAttempts),
            vault: vault)
        do {
            let value = try await body(harness)
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }

    /// The harness on `pool` (for example a scratch schema's).
    public static func on(_ pool: ConnectionPool) throws -> ServiceHarness {
        let store = EventStore(pool: pool)
        let vault = try vault()
        return ServiceHarness(pool: pool, store: store, handler: CommandHandler(store: store, vault: vault), vault: vault)
    }

    /// Waits until `count` sessions named `applicationName` wait for a lock.
    public func waitForLockWaiters(_ count: Int, applicationName: String) async throws {
        for _ in 0..<500 {
            let waiting = try await pool.query(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [applicationName]
            ).rows[0].decode(0, as: Int.self)
            if waiting >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("\(count) sessions of \(applicationName) never waited for a lock")
    }

    /// Opens `connections` sessions in the pool, so that tasks racing afterwards really run at
    /// once instead of one after another while each waits for its session to connect.
    public func warmUp(connections: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<connections {
                group.addTask { try await pool.query("SELECT pg_sleep(0.05)") }
            }
            try await group.waitForAll()
        }
    }

    /// A request from the ops key, decided now.
    public static func request(idempotency: IdempotencyClaim? = nil, actor: String = "ops-key") -> CommandRequest {
        CommandRequest(actor: actor, requestId: UUID().uuidString.lowercased(), idempotency: idempotency, now: Date())
    }

    /// The response the API gives to a command: the customer's view after it.
    public static let viewResponse = ResponseShape(statusCode: 200, view: .customer)

    /// Handles `command` for `customer` and answers with the customer's view.
    @discardableResult
    public func run(
        _ command: CustomerCommand, on customer: CustomerID, idempotency: IdempotencyClaim? = nil
    ) async throws -> CommandResult {
        try await handler.handle(
            command, customer: customer, request: Self.request(idempotency: idempotency, actor: Self.actor(of: command)),
            response: Self.viewResponse)
    }

    /// Who sends `command`: a profile decision comes from another key than the reviews (four eyes).
    public static func actor(of command: CustomerCommand) -> String {
        if case .decideProfile = command { "decider-key" } else { "ops-key" }
    }

    /// The customer's state folded from its stream.
    public func foldedState(of customer: CustomerID) async throws -> CustomerState {
        fold(try await history.events(of: customer).map { try $0.decoded() })
    }

    /// The customer's view as the `customers` read model holds it.
    public func readModelView(of customer: CustomerID) async throws -> CustomerView? {
        guard let json = try await queries.customer(customer) else { return nil }
        return try JSONDecoder().decode(CustomerView.self, from: json)
    }

    /// Checks that every read model row of the customer (its view, its representatives and its
    /// documents) is what folding its stream gives.
    public func expectReadModelsEqualFold(
        of customer: CustomerID, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let state = try await foldedState(of: customer)
        let folded = try #require(state.customer, "no events for \(customer)", sourceLocation: sourceLocation)
        #expect(try await readModelView(of: customer) == CustomerView(folded), sourceLocation: sourceLocation)

        let representatives = try await queries.representatives(of: customer)
            .map { try JSONDecoder().decode(BusinessRepresentativeView.self, from: $0) }
        #expect(
            Set(representatives) == Set(folded.representatives.map { BusinessRepresentativeView($0, of: folded) }),
            sourceLocation: sourceLocation)

        let documents = try await pool.query("SELECT view::text FROM documents WHERE customer_id = $1", [customer.rawValue])
            .rows.map { try JSONDecoder().decode(DocumentView.self, from: $0.decode(0, as: Data.self)) }
        #expect(Set(documents) == Set(folded.documents.map(DocumentView.init)), sourceLocation: sourceLocation)
    }
}
