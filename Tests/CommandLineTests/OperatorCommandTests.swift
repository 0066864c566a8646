import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// What an operator sets up and is warned of through the `customers` binary: the service's login
/// role, and a log restored behind the cluster's transaction counter.
@Suite(.serialized) struct OperatorCommandTests {
    /// `DATABASE_URL` for a schema of its own, created here and dropped by `body`'s end.
    static func withScratchURL<T: Sendable>(_ body: (String, Connection) async throws -> T) async throws -> T {
        let schema = TestDatabase.uniqueName("operator")
        let admin = try await Connection.connect(try TestDatabase.configuration())
        try await admin.executeScript("CREATE SCHEMA \(quoteIdentifier(schema))")
        let base = try TestDatabase.configuration().connectionString
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        do {
            try await admin.executeScript("SET search_path TO \(quoteIdentifier(schema))")
            let value = try await body(url, admin)
            try await admin.executeScript("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE")
            await admin.close()
            return value
        } catch {
            _ = try? await admin.executeScript("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE")
            await admin.close()
            throw error
        }
    }

    @Test func aRestoredLogBehindTheCounterStopsTheProjectorsWithTheRemedy() async throws {
        try await Self.withScratchURL { url, admin in
            #expect(try await CommandLineTests.customers(["migrate"], overrides: ["DATABASE_URL": url]).status == 0)
            try await admin.query(
                """
                INSERT INTO events (transaction_id, stream_id, stream_version, event_type, data, hash)
                VALUES (((pg_snapshot_xmax(pg_current_snapshot())::text::bigint) + (3::bigint << 32))::text::xid8,
                        'customer_00000000000000000000000000000001', 1, 'Restored', '{}',
                        event_hash(NULL, 'customer_00000000000000000000000000000001', 1, 'Restored', 1, '{}', '{}', now()))
                """)
            let status = try await CommandLineTests.customers(["projections", "status"], overrides: ["DATABASE_URL": url])
            #expect(status.output.contains("FENCE BROKEN"), "\(status.output)")
            #expect(status.output.contains("pg_resetwal --epoch="))
            let run = try await CommandLineTests.customers(["projections", "run"], overrides: ["DATABASE_URL": url])
            #expect(run.status != 0)
            #expect(run.errors.contains("restored into a cluster whose transaction counter is behind"), "\(run.errors)")
            let serve = try await CommandLineTests.customers(
                ["serve", "--port", "0"], overrides: ["DATABASE_URL": url, "CUSTOMERS_API_KEYS": "ops:ops-secret-0000000000:admin"])
            #expect(serve.status != 0)
            #expect(serve.errors.contains("pg_resetwal"), "\(serve.errors)")
        }
    }

    @Test func migrateMakesALoginRoleThatIsAMemberOfTheServiceRoleOnly() async throws {
        let name = TestDatabase.uniqueName("login")
        let admin = try await Connection.connect(try TestDatabase.configuration())
        // A role that already exists with more than it should have is narrowed.
        try await admin.executeScript("CREATE ROLE \(quoteIdentifier(name)) CREATEDB; GRANT pg_monitor TO \(quoteIdentifier(name))")
        do {
            let migrate = try await CommandLineTests.customers(
                ["migrate", "--service-login", name, "--print-service-url"], overrides: ["CUSTOMERS_SERVICE_PASSWORD": "s3cret-pass"])
            #expect(migrate.status == 0, "\(migrate.errors)")
            let row = try await admin.query(
                """
                SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolinherit,
                       rolpassword IS NOT NULL,
                       (SELECT array_agg(r.rolname::text ORDER BY r.rolname) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                        WHERE m.member = a.oid)::text
                FROM pg_authid a WHERE rolname = $1
                """, [name]).rows[0]
            #expect(try row.decode(0, as: Bool.self))
            for column in 1...5 { #expect(try !row.decode(column, as: Bool.self), "attribute \(column) is set") }
            #expect(try row.decode(6, as: Bool.self))
            #expect(try row.decode(7, as: Bool.self), "the password was not set")
            #expect(try row.decode(8, as: String.self) == "{customers_service}")

            // The printed connection string logs in as the role, which may read but not write events.
            let url = try #require(migrate.output.split(separator: "\n").last.map(String.init))
            let service = try await Connection.connect(ConnectionConfiguration(connectionString: url))
            #expect(try await service.query("SELECT current_user::text").rows[0].decode(0, as: String.self) == name)
            _ = try await service.query("SELECT count(*) FROM customers")
            let refused = await #expect(throws: PostgresError.self) {
                try await service.query("INSERT INTO events (stream_id, stream_version, event_type, data) VALUES ('x', 1, 't', '{}')")
            }
            #expect(refused?.sqlState == SQLState("42501"))
            await service.close()
        } catch {
            _ = try? await admin.executeScript("DROP ROLE IF EXISTS \(quoteIdentifier(name))")
            await admin.close()
            throw error
        }
        try await admin.executeScript("DROP ROLE IF EXISTS \(quoteIdentifier(name))")
        await admin.close()
    }

    @Test func webhooksStatusPrintsEachSubscriptionsBacklog() async throws {
        try await ServiceHarness.with { harness in
            let subscriptions = WebhookSubscriptions(
                store: harness.store, vault: harness.vault, policy: WebhookURLPolicy())
            let subscription = try await subscriptions.create(
                WebhookSubscriptionInput(url: "https://hooks.example.com/status", events: ["customer.create"]))
            let status = try await CommandLineTests.customers(["webhooks", "status"])
            #expect(status.status == 0, "\(status.errors)")
            let line = try #require(status.output.split(separator: "\n").first { $0.hasPrefix(subscription.id) })
            #expect(line.contains("https://hooks.example.com/status") && line.contains("backlog 0"))
            #expect(try await subscriptions.delete(subscription.id))
        }
    }
}
