import Foundation
import Hummingbird

/// Health, readiness, metrics and the API's own description: no key needed, so load
/// balancers, orchestrators and scrapers can call them.
struct SystemRoutes {
    let readinessCheck: @Sendable () async -> Bool
    let metricsText: @Sendable () async -> String
    let openAPIDocument: [UInt8]

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/healthz", scope: nil) { _, _ in try Responses.json(["status": "ok"]) },
            Endpoint(.get, "/readyz", scope: nil) { [readinessCheck] _, _ in
                await readinessCheck()
                    ? try Responses.json(["status": "ready"])
                    : try Responses.json(["status": "unavailable"], status: .serviceUnavailable)
            },
            Endpoint(.get, "/metrics", scope: nil) { [metricsText] _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                    body: .init(byteBuffer: ByteBuffer(string: await metricsText())))
            },
            Endpoint(.get, "/openapi.yaml", scope: nil) { [openAPIDocument] _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/yaml"],
                    body: .init(byteBuffer: ByteBuffer(bytes: openAPIDocument)))
            },
        ]
    }
}
