import Foundation
import Hummingbird
import Metrics

/// One structured log line and the request metrics per request: route, status, latency, actor.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let seconds = (ContinuousClock.now - started).inSeconds
        // The route pattern, not the path: ids must not explode the metrics' label space.
        let route = context.endpointPath ?? "unmatched"
        let dimensions = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        Counter(label: "http_requests_total", dimensions: dimensions).increment()
        Timer(label: "http_request_duration_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(seconds * 1e9))
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "route": .string(route),
            "status": .stringConvertible(response.status.code), "latency_ms": .stringConvertible((seconds * 1000 * 10).rounded() / 10),
        ])
        return response
    }
}
