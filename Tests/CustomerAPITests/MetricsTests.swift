import CustomerService
import CustomerAPI
import EventStore
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import Prometheus
import TestSupport
import Testing

/// `GET /metrics`: Prometheus text of the requests and commands the service handled.
@Suite struct MetricsTests {
    /// A metrics backend can be bootstrapped once per process: every test shares this one.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Runs `body` against an application whose `/metrics` serves the shared registry.
    static func withMetricsClient(_ body: @Sendable (APIDriver) async throws -> Void) async throws {
        let registry = Self.registry
        let pool = try await TestDatabase.migratedPool(maximumConnections: 4)
        let configuration = APIConfiguration(
            keyring: TestApplication.keyring, readinessCheck: { true }, metricsText: { registry.emitToString() })
        let app = buildApplication(
            configuration: configuration, services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())), logger: Logger(label: "test"))
        do {
            try await app.test(.router) { client in try await body(APIDriver(client: client)) }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    /// Metrics show erasure counts and pool saturation: a scraper sends a key with
    /// `metrics:read` (or `admin`) as its bearer token; no key is 401, another scope 403.
    @Test(arguments: [
        (nil, 401), ("reader", 403), ("writer", 403), ("auditor", 403), ("metrics", 200), ("admin", 200),
    ] as [(String?, Int)])
    func metricsNeedTheMetricsScopeOrAdmin(key: String?, status: Int) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/metrics", key: key)
            #expect(reply.status.code == status)
            if status == 200 { #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true) }
        }
    }

    @Test func requestsAreCountedByRouteAndStatus() async throws {
        try await Self.withMetricsClient { api in
            try await api.send(.get, "/healthz", key: nil)
            try await api.send(.get, "/v2/customer/customer_00000000000000000000000000000000", key: "reader")
            let reply = try await api.send(.get, "/metrics", key: "metrics")
            #expect(reply.status == .ok)
            let lines = reply.body.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("http_requests_total{") && $0.contains(#""/healthz""#) && $0.contains(#""200""#) })
            #expect(lines.contains { $0.hasPrefix("http_requests_total{") && $0.contains(#""/v2/customer/{id}""#) && $0.contains(#""404""#) })
            #expect(reply.body.contains("http_request_duration_seconds"))
        }
    }

    @Test func commandsAreCountedByTypeAndOutcome() async throws {
        try await Self.withMetricsClient { api in
            try await api.createJane()
            let reply = try await api.send(.get, "/metrics", key: "metrics")
            #expect(reply.body.split(separator: "\n").contains { $0.hasPrefix("commands_total{") && $0.contains("executed") })
        }
    }

    @Test func refusedCommandsAreCountedWithTheirCode() async throws {
        try await Self.withMetricsClient { api in
            let jane = try await api.createJane()
            let duplicate = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(email: jane.email))
            #expect(duplicate.status == .conflict)
            let reply = try await api.send(.get, "/metrics", key: "metrics")
            #expect(reply.body.split(separator: "\n").contains {
                $0.hasPrefix("commands_total{") && $0.contains("CreateIndividualCustomer") && $0.contains("customer/duplicate")
            }, "a refused command is counted under its contract code")
        }
    }
}
