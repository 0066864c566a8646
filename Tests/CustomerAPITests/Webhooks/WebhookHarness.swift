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
import Testing

/// The API, the outbox runner and a webhook dispatcher on a schema of their own, so no other
/// suite's dispatcher (with other timings) takes this suite's deliveries, and every notification
/// in the outbox is this suite's.
struct WebhookHarness: Sendable {
    let api: APIDriver
    let store: EventStore
    let pool: ConnectionPool
    let services: CustomerServices

    /// Retries a second or less apart, so a receiver that recovers is reached at once.
    static let quickRetries = RetrySchedule(
        waits: [.milliseconds(200), .milliseconds(400), .milliseconds(800)], then: .seconds(1), giveUpAfter: .seconds(60), jitter: 0.1)

    static func with(
        retries: RetrySchedule = quickRetries, timeout: Duration = .seconds(10), perSubscription: Int = 4,
        _ body: @Sendable (WebhookHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.withScratchSchema(maximumConnections: 12) { pool in
            let store = EventStore(pool: pool)
            let services = CustomerServices(
                store: store, vault: try TestApplication.vault(),
                webhookPolicy: WebhookURLPolicy(allowedHosts: ["127.0.0.1"]), retrySchedule: retries)
            var options = WebhookDispatcher.Options()
            options.timeout = timeout
            options.perSubscription = perSubscription
            options.pollInterval = .milliseconds(50)
            let dispatcher = WebhookDispatcher(services: services, options: options)
            let delivering = Task { await dispatcher.run() }
            let projecting = Task { await ProjectorRunner(projector: NotificationOutbox(), store: store).run(pollInterval: .milliseconds(20)) }
            defer {
                delivering.cancel()
                projecting.cancel()
            }
            let app = buildApplication(
                configuration: TestApplication.configuration(), services: APIServices(services), logger: Logger(label: "test"))
            try await app.test(.router) { client in
                try await body(WebhookHarness(api: APIDriver(client: client), store: store, pool: pool, services: services))
            }
            delivering.cancel()
            projecting.cancel()
            await delivering.value
            await projecting.value
        }
    }

    /// Subscribes `url` to `events`; returns the subscription's id and secret.
    func subscribe(_ url: String, events: [String] = ["*"]) async throws -> (id: String, secret: String) {
        let names = events.map { "\"\($0)\"" }.joined(separator: ",")
        let reply = try await api.send(.post, "/v2/webhook", key: "admin", json: #"{"url":"\#(url)","events":[\#(names)]}"#)
        guard reply.status == .created, let id = reply.json["id"].text, let secret = reply.json["secret"].text else {
            throw Unexpected(reply: reply.body)
        }
        return (id, secret)
    }

    /// Waits until `condition` holds, up to `timeout`.
    func waitUntil(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TimedOutWaiting()
    }

    /// The names of the notifications of `customer`, in log order, once the outbox holds one for
    /// every event of its stream.
    func notificationNames(of customer: String) async throws -> [String] {
        try await waitUntil {
            let counts = try await pool.query(
                """
                SELECT (SELECT count(*) FROM events WHERE stream_id = $1), (SELECT count(*) FROM notifications WHERE customer_id = $1)
                """, [customer]).rows[0]
            return try counts.decode(0, as: Int.self) == counts.decode(1, as: Int.self)
        }
        return try await pool.query(
            "SELECT name FROM notifications WHERE customer_id = $1 ORDER BY transaction_id, global_position", [customer]
        ).rows.map { try $0.decode(0, as: String.self) }
    }

    struct Unexpected: Error { let reply: String }
    struct TimedOutWaiting: Error {}
}
