import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct ListenerTests {
    @Test func receivesNotificationsSentOnItsChannel() async throws {
        let channel = TestDatabase.uniqueName("channel")
        let listener = try await Listener.start(try TestDatabase.configuration(), channels: [channel])
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        try await pool.query("SELECT pg_notify($1, $2)", [channel, "hello"])
        var iterator = listener.events.makeAsyncIterator()
        let event = await iterator.next()
        guard case .notification(let notification) = event else {
            Issue.record("expected a notification, got \(String(describing: event))")
            return
        }
        #expect(notification.channel == channel)
        #expect(notification.payload == "hello")
        await listener.stop()
    }

    @Test func reconnectsAfterTheServerEndsItsSessionAndSaysSo() async throws {
        let channel = TestDatabase.uniqueName("channel")
        let listener = try await Listener.start(try TestDatabase.configuration(), channels: [channel])
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let killed = try await pool.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1",
            ["LISTEN \"\(channel)\""])
        #expect(killed.rows.count == 1)
        var iterator = listener.events.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)
        try await pool.query("SELECT pg_notify($1, $2)", [channel, "again"])
        guard case .notification(let notification) = await iterator.next() else {
            Issue.record("expected a notification after reconnecting")
            return
        }
        #expect(notification.payload == "again")
        await listener.stop()
    }
}
