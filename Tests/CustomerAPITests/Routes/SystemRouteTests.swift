import CustomerService
import CustomerAPI
import EventStore
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// `/healthz` and `/readyz`: open to everyone, answering whether the process and the database are up.
@Suite struct SystemRouteTests {
    @Test func healthzAnswers200WithoutAKey() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/healthz", key: nil)
            #expect(reply.status == .ok)
            #expect(reply.json == .object(["status": .string("ok")]))
        }
    }

    @Test func readyzAnswers200WithoutAKeyWhenTheDatabaseIsReady() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/readyz", key: nil)
            #expect(reply.status == .ok)
            #expect(reply.json == .object(["status": .string("ready")]))
        }
    }

    @Test func readyzAnswers503WhenTheDatabaseIsNotReady() async throws {
        let pool = try await TestDatabase.migratedPool(maximumConnections: 2)
        let configuration = APIConfiguration(keyring: TestApplication.keyring, readinessCheck: { false })
        let app = buildApplication(
            configuration: configuration, services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())), logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body) == #"{"status":"unavailable"}"#)
            }
        }
        await pool.close()
    }

    @Test func theOpenAPIDocumentIsServedWithoutAKey() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/openapi.yaml", key: nil)
            #expect(reply.status == .ok)
            #expect(reply.body.hasPrefix("openapi: 3.1"))
        }
    }
}
