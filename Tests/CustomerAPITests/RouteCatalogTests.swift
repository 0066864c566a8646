import CustomerService
import CustomerAPI
import EventStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import TestSupport
import Testing

@Suite struct RouteCatalogTests {
    /// `METHOD /path/{param}` for every route the router serves.
    static func routerRoutes() async throws -> Set<String> {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let router = buildRouter(configuration: TestApplication.configuration(), services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())))
        return Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
            }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        })
    }

    /// Every route the router has is in the OpenAPI document, and every operation of the
    /// document is a route.
    @Test func theOpenAPIDocumentDescribesExactlyTheRoutesServed() async throws {
        let output = try await OpenAPIDocumentReader.output(of: """
            import sys, yaml
            paths = yaml.safe_load(open(sys.argv[1]))["paths"]
            for path, item in paths.items():
                for method in item:
                    if method in ("get", "post", "patch", "put", "delete"):
                        print(method.upper(), path)
            """)
        let documented = Set(output.split(separator: "\n").map(String.init))
        // The review console's pages answer browsers in HTML, not API clients; its own tests
        // (Console/, Tests/Browser) cover them.
        let served = try await Self.routerRoutes().filter { !$0.hasPrefix("GET /console") && !$0.hasPrefix("POST /console") }
        #expect(!served.isEmpty)
        #expect(served.subtracting(documented).sorted() == [], "served but not documented")
        #expect(documented.subtracting(served).sorted() == [], "documented but not served")
    }

    @Test func theOpenAPIDocumentIsServedWithoutAKey() async throws {
        try await TestApplication.withClient { client, _ in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1"))
            }
        }
    }
}
