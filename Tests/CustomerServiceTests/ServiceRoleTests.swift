import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// `customers_service`, the role `serve` runs as, can do everything serving needs and nothing
/// else: each refusal below is a privilege error, before any trigger or lock.
@Suite struct ServiceRoleTests {
    static func restricted(_ pool: ConnectionPool, connections: Int = 4) -> ConnectionPool {
        var configuration = pool.configuration
        configuration.sessionSettings.role = "customers_service"
        return ConnectionPool(configuration: configuration, options: .init(maximumConnections: connections, acquireTimeout: .seconds(30)))
    }

    @Test func theServiceRoleServesWholeLifecyclesForgetsAndProjects() async throws {
        let owner = try await TestDatabase.migratedPool(maximumConnections: 2)
        let pool = Self.restricted(owner)
        let store = EventStore(pool: pool)
        let vault = try ServiceHarness.vault()
        let harness = ServiceHarness(pool: pool, store: store, handler: CommandHandler(store: store, vault: vault), vault: vault)
        do {
            #expect(try await pool.query("SELECT current_user::text").rows[0].decode(0, as: String.self) == "customers_service")
            try await vault.checkMasterKey(on: store)
            let acme: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.businessApproval(of: acme) { try await harness.run(command, on: acme) }
            // An upload stores its bytes in the command's transaction, as this role.
            let bytes = Data("%PDF-1.4 \(UUID())".utf8)
            let sha256 = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            var upload = ServiceInputs.upload(.proofOfAddress, for: acme.rawValue)
            upload.sha256 = sha256
            let document: DocumentID = ServiceInputs.fresh()
            try await harness.handler.handle(
                .recordDocumentUpload(id: document, upload), customer: acme, request: ServiceHarness.request(),
                content: DocumentContent(bytes: bytes, sha256: sha256, mimeType: "application/pdf"),
                response: ServiceHarness.viewResponse)
            #expect(try await DocumentContents(store: store, vault: vault).content(of: document)?.bytes == bytes)
            let claim = IdempotencyClaim(key: TestDatabase.uniqueName("role"), requestHash: "h")
            try await harness.run(.erasePersonalData, on: acme, idempotency: claim)
            try await harness.run(.erasePersonalData, on: acme, idempotency: claim)
            try await harness.expectReadModelsEqualFold(of: acme)
            // The activity projector applies batches as this role (it parks, not throws, on a refusal).
            let outcome = try await ProjectorRunner(projector: CustomerActivityProjector(), store: store, batchSize: 50).runOnce()
            if case .parked(let failure) = outcome { Issue.record("the activity projector parked: \(failure)") }
            #expect(try await Migrator(pool: pool, schema: CustomerSchema.database).isUpToDate())
            // `serve --seal-every` seals as this role.
            if case .nothingNew = try await AuditSealer(store: store, key: AuditSigningKey.generate()).seal() {
                Issue.record("the role's seal sealed nothing")
            }
        } catch {
            await pool.close()
            await owner.close()
            throw error
        }
        await pool.close()
        await owner.close()
    }

    /// Run in a scratch schema of their own: statements that would lock a table if allowed
    /// must not make other tests wait. One after another: each case opens sessions of its own,
    /// and twenty at once would crowd out the other suites' connections.
    @Test(.serialized, arguments: [
        "UPDATE events SET data = '{}'", "DELETE FROM events", "TRUNCATE events",
        "ALTER TABLE events DISABLE TRIGGER ALL", "DROP TABLE customers", "CREATE TABLE intruder (id int)",
        "UPDATE customers SET email = 'x'", "TRUNCATE customers", "DELETE FROM streams", "DELETE FROM customer_keys",
        "DELETE FROM command_log", "DELETE FROM customer_activity", "UPDATE document_files SET size = 0",
        "UPDATE email_reservations SET customer_id = 'x'",
        "DELETE FROM schema_migrations", "UPDATE master_key_fingerprint SET fingerprint = 'x'",
        "INSERT INTO events (stream_id, stream_version, event_type, data) VALUES ('s', 1, 't', '{}')",
        "UPDATE streams SET version = version + 1", "UPDATE command_log SET request_hash = 'x'",
        "UPDATE customer_keys SET customer_id = 'x'", "SELECT swap_in_rebuilt_table('customers', 'customers_shadow')",
    ])
    func anythingElseIsRefused(statement: String) async throws {
        try await TestDatabase.withScratchSchema { owner in
            let pool = Self.restricted(owner, connections: 1)
            let error = await #expect(throws: PostgresError.self) { try await pool.query(statement) }
            #expect(error?.sqlState == SQLState("42501"), "\(statement): \(String(describing: error))")
            await pool.close()
        }
    }
}

extension ServiceRoleTests {
    /// A rebuild swaps new tables in; they keep the live tables' grants, so the service goes on
    /// writing the read models afterwards.
    @Test func aRebuildKeepsTheServiceRolesPrivileges() async throws {
        try await TestDatabase.withScratchSchema { owner in
            let vault = try ServiceHarness.vault()
            try await ProjectorRebuild(projector: CustomerReadModelProjector(vault: vault), store: EventStore(pool: owner)).rebuild()
            let pool = Self.restricted(owner)
            let store = EventStore(pool: pool)
            let harness = ServiceHarness(pool: pool, store: store, handler: CommandHandler(store: store, vault: vault), vault: vault)
            let customer: CustomerID = ServiceInputs.fresh()
            do {
                try await harness.run(.createIndividual(id: customer, ServiceInputs.janeSmith()), on: customer)
                try await harness.expectReadModelsEqualFold(of: customer)
            } catch {
                await pool.close()
                throw error
            }
            await pool.close()
        }
    }
}

extension ServiceRoleTests {
    /// Forgetting is final: no role, the owner included, can put a destroyed key back. In a
    /// schema of its own: were the trigger missing, the key it damages would stop other tests'
    /// rebuilds.
    @Test func aDestroyedKeyStaysDestroyed() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let store = EventStore(pool: pool)
            let vault = try ServiceHarness.vault()
            let harness = ServiceHarness(pool: pool, store: store, handler: CommandHandler(store: store, vault: vault), vault: vault)
            let customer: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, ServiceInputs.janeSmith()), on: customer)
            try await harness.run(.erasePersonalData, on: customer)
            let error = await #expect(throws: PostgresError.self) {
                try await pool.query(
                    "UPDATE customer_keys SET wrapped_key = '\\x00', destroyed_at = NULL WHERE customer_id = $1", [customer.rawValue])
            }
            #expect(error?.sqlState == SQLState("CE403"))
        }
    }
}
