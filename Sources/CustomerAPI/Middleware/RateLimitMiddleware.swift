import CustomerDomain
import HTTPTypes
import Hummingbird
import Metrics

/// Counts each authenticated request against its key's bucket for reads or writes. Beyond the
/// limit: 429 `request/rate-limited` with `Retry-After`; every answer carries the `RateLimit-*`
/// headers (draft-ietf-httpapi-ratelimit-headers) so a client can pace itself before that.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let key = context.apiKey else { return try await next(request, context) }
        let kind: RequestKind = request.method == .get || request.method == .head ? .read : .write
        guard let limit = limiter.limit(for: kind), let outcome = limiter.take(key: key.name, kind: kind) else {
            return try await next(request, context)
        }
        switch outcome {
        case .refused(let retryAfter):
            Counter(label: "http_rate_limited_total", dimensions: [("kind", kind.rawValue)]).increment()
            let seconds = Self.wholeSeconds(retryAfter)
            var response = ProblemRendering.response(ProblemRendering.problem(
                for: APIError.rateLimited(kind: kind.rawValue, limit: limit), requestId: context.requestId, logger: context.logger))
            response.headers[.retryAfter] = String(seconds)
            Self.describe(limit: limit, remaining: 0, reset: seconds, in: &response.headers)
            return response
        case .taken(let remaining, let refill):
            var response: Response
            do {
                response = try await next(request, context)
            } catch let error where !(error is HTTPError) {
                // A refused request counted too: its answer says so. (Routing errors go on to the
                // problem middleware, which answers 405 with Allow where a path exists.)
                response = ProblemRendering.response(
                    ProblemRendering.problem(for: error, requestId: context.requestId, logger: context.logger))
            }
            Self.describe(limit: limit, remaining: remaining, reset: Self.wholeSeconds(refill), in: &response.headers)
            return response
        }
    }

    /// HTTP speaks in whole seconds: round up, and never say 0 for a refusal.
    static func wholeSeconds(_ duration: Duration) -> Int {
        max(1, Int(duration.inSeconds.rounded(.up)))
    }

    private static func describe(limit: Int, remaining: Int, reset: Int, in headers: inout HTTPFields) {
        headers[.rateLimitLimit] = String(limit)
        headers[.rateLimitRemaining] = String(remaining)
        headers[.rateLimitReset] = String(reset)
        headers[.rateLimitPolicy] = "\(limit);w=1"
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
    static let rateLimitPolicy = Self("RateLimit-Policy")!
}
