import CustomerAPI
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite struct HealthRouteTests {
    @Test func healthzAnswersWithoutAKey() async throws {
        let app = buildApplication(configuration: APIConfiguration { true }, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test(arguments: [(true, HTTPResponse.Status.ok), (false, .serviceUnavailable)])
    func readyzReflectsTheReadinessCheck(ready: Bool, status: HTTPResponse.Status) async throws {
        let app = buildApplication(configuration: APIConfiguration { ready }, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == status)
            }
        }
    }
}
