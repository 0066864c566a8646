import CustomerService
import CustomerAPI
import EventStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import TestSupport
import Testing

/// Walks every route of the router: each one that needs a scope answers 401 without a key, 401
/// with a wrong key, 403 with a key holding every scope but those it admits, and lets each scope
/// it admits through.
@Suite struct ScopeTests {
    @Test func everyRouteChecksItsScope() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        let endpoints = endpoints(configuration: TestApplication.configuration(), services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())))
        await pool.close()
        let open: Set<String> = ["/healthz", "/readyz", "/openapi.yaml"]
        #expect(endpoints.filter(\.isOpen).map(\.path).sorted() == open.sorted())
        #expect(endpoints.first { $0.path == "/metrics" }?.scopes == [.metricsRead, .admin])

        try await TestApplication.withClient { client, _ in
            for endpoint in endpoints {
                let uri = endpoint.path
                    .replacingOccurrences(of: ":id", with: "customer_00000000000000000000000000000000")
                    .replacingOccurrences(of: ":name", with: "kyc_profile_a")
                guard !endpoint.isOpen else {
                    try await client.execute(uri: uri, method: endpoint.method) { response in
                        #expect(response.status.code < 400, "\(endpoint.method) \(endpoint.path) should be open")
                    }
                    continue
                }
                try await client.execute(uri: uri, method: endpoint.method, headers: TestApplication.headers(nil)) { response in
                    #expect(response.status == .unauthorized, "\(endpoint.method) \(endpoint.path) without a key")
                }
                var wrong = HTTPFields()
                wrong[.authorization] = "Bearer not-a-key-at-all-000000"
                try await client.execute(uri: uri, method: endpoint.method, headers: wrong) { response in
                    #expect(response.status == .unauthorized, "\(endpoint.method) \(endpoint.path) with an unknown key")
                }
                let others = Set(Scope.allCases).subtracting(endpoint.scopes)
                try await client.execute(
                    uri: uri, method: endpoint.method, headers: TestApplication.bearerHeaders(scopes: others)
                ) { response in
                    #expect(response.status == .forbidden, "\(endpoint.method) \(endpoint.path) with every other scope")
                    #expect(String(buffer: response.body).contains("auth/forbidden"))
                }
                for scope in endpoint.scopes {
                    try await client.execute(
                        uri: uri, method: endpoint.method, headers: TestApplication.bearerHeaders(scopes: [scope])
                    ) { response in
                        #expect(response.status != .unauthorized && response.status != .forbidden,
                                "\(endpoint.method) \(endpoint.path) with \(scope.rawValue)")
                        #expect(response.status.code < 500, "\(endpoint.method) \(endpoint.path): \(String(buffer: response.body))")
                    }
                }
            }
        }
    }

    @Test func keysWithUnknownScopesAreRefusedAtStartUp() {
        #expect(throws: APIKeyring.ParseError.unknownScope(key: "ops", scope: "customers:delete")) {
            try APIKeyring(parsing: "ops:secret-secret-secret:customers:delete")
        }
        #expect(throws: APIKeyring.ParseError.weakSecret(key: "ops")) { try APIKeyring(parsing: "ops:short:admin") }
        #expect(throws: APIKeyring.ParseError.malformedEntry("ops-without-secret")) { try APIKeyring(parsing: "ops-without-secret") }
    }

    @Test func aKeyIsFoundOnlyByItsExactSecret() throws {
        let keyring = try APIKeyring(parsing: "a:aaaaaaaaaaaaaaaa1:admin;b:bbbbbbbbbbbbbbbb2:audit:read")
        #expect(keyring.key(for: "bbbbbbbbbbbbbbbb2")?.name == "b")
        #expect(keyring.key(for: "bbbbbbbbbbbbbbbb")?.name == nil)
        #expect(keyring.key(for: "")?.name == nil)
    }
}
