import Foundation
import Hummingbird

/// Health, readiness and the API's own description need no key, so load balancers and
/// orchestrators can call them; metrics (erasure counts, pool saturation) need `metrics:read` or
/// `admin`, which a Prometheus scraper sends as its bearer token.
struct SystemRoutes {
    let readiness: Readiness
    let metricsText: @Sendable () async -> String
    let openAPIDocument: [UInt8]

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/healthz", scope: nil) { _, _ in try Responses.json(["status": "ok"]) },
            Endpoint(.get, "/readyz", scope: nil) { [readiness] _, _ in
                await readiness.isReady()
                    ? try Responses.json(["status": "ready"])
                    : try Responses.json(["status": "unavailable"], status: .serviceUnavailable)
            },
            Endpoint(.get, "/metrics", anyOf: [.metricsRead, .admin]) { [metricsText] _, _ in
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
