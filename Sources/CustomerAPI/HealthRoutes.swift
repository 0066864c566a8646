import Hummingbird

/// `GET /healthz`: the process is up. `GET /readyz`: it can serve (database reachable and
/// migrated). Neither needs a key, so load balancers and orchestrators can call them.
func addHealthRoutes(to router: Router<some RequestContext>, readinessCheck: @escaping @Sendable () async -> Bool) {
    router.get("healthz") { _, _ -> Response in
        jsonResponse(status: .ok, body: #"{"status":"ok"}"#)
    }
    router.get("readyz") { _, _ -> Response in
        if await readinessCheck() {
            return jsonResponse(status: .ok, body: #"{"status":"ready"}"#)
        }
        return jsonResponse(status: .serviceUnavailable, body: #"{"status":"unavailable"}"#)
    }
}

func jsonResponse(status: HTTPResponse.Status, body: String) -> Response {
    Response(
        status: status,
        headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(string: body)))
}
