import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// No request waits unbounded: a command held behind a lock (here the rebuild swap's) gets a 503
/// with Retry-After once the lock timeout passes, and nothing is written.
@Suite struct LockTimeoutTests {
    @Test func aCommandBehindALockGetsA503AfterTheLockTimeout() async throws {
        let schema = TestDatabase.uniqueName("locked")
        let admin = try await Connection.connect(try TestDatabase.configuration())
        try await admin.executeScript("CREATE SCHEMA \(quoteIdentifier(schema)); SET search_path TO \(quoteIdentifier(schema))")
        defer { Task { _ = try? await admin.executeScript("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE"); await admin.close() } }
        var scoped = try TestDatabase.configuration()
        scoped.sessionSettings.searchPath = schema
        let pool = ConnectionPool(configuration: scoped, options: .init(maximumConnections: 1))
        try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
        await pool.close()

        let base = try TestDatabase.configuration().connectionString
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        let secret = "locked-secret-0123456789"
        let server = try await ServerProcess.start(
            apiKeys: "ops:\(secret):customers:write", options: ["--lock-timeout", "1"], databaseURL: url)
        // What a rebuild's swap holds while it swaps the tables in.
        try await admin.executeScript("BEGIN")
        try await admin.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/projector:customers'))")
        let started = ContinuousClock.now
        let reply = try await onOwnThread {
            try RawHTTP.exchange(Self.create(secret: secret), port: server.port)
        }
        let waited = ContinuousClock.now - started
        try await admin.executeScript("ROLLBACK")
        await server.stop()
        #expect(reply.hasPrefix("HTTP/1.1 503"), "\(reply)")
        #expect(reply.lowercased().contains("retry-after: 1"))
        #expect(reply.contains("service/unavailable"))
        #expect(waited < .seconds(10))
        let customers = try await admin.query("SELECT count(*) FROM customers").rows[0].decode(0, as: Int.self)
        #expect(customers == 0)
    }

    static func create(secret: String) -> [UInt8] {
        let body = APIFixtures.individual()
        return Array("""
            POST /v2/customer HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: Bearer \(secret)\r
            Content-Type: application/json\r
            Content-Length: \(body.utf8.count)\r
            Connection: close\r
            \r
            \(body)
            """.utf8)
    }
}
