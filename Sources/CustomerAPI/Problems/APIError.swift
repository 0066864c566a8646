import CustomerDomain

/// Failures of the HTTP layer itself, each with its contract code and status.
public enum APIError: Error, Sendable, Equatable {
    case unauthorized
    case forbidden(Scope)
    case badRequest(String)
    case validation([FieldProblem])
    case tooLarge(limit: Int)
    case notFound(String)
    /// Something other than a customer is not found (a webhook, a notification): its own code.
    case missing(code: String, detail: String)
    case routeNotFound
    case methodNotAllowed
    case unavailable(String)
    /// The key sent more `kind` requests a second than `limit`.
    case rateLimited(kind: String, limit: Int)

    var status: Int {
        switch self {
        case .unauthorized: 401
        case .forbidden: 403
        case .badRequest: 400
        case .validation: 422
        case .tooLarge: 413
        case .notFound, .missing, .routeNotFound: 404
        case .methodNotAllowed: 405
        case .unavailable: 503
        case .rateLimited: 429
        }
    }

    var code: String {
        switch self {
        case .unauthorized: "auth/unauthorized"
        case .forbidden: "auth/forbidden"
        case .badRequest: "request/invalid"
        case .validation: "validation/failed"
        case .tooLarge: "request/too-large"
        case .notFound: "customer/not-found"
        case .missing(let code, _): code
        case .routeNotFound: "route/not-found"
        case .methodNotAllowed: "route/method-not-allowed"
        case .unavailable: "service/unavailable"
        case .rateLimited: "request/rate-limited"
        }
    }

    var detail: String {
        switch self {
        case .unauthorized: "A valid API key is required: Authorization: Bearer <api key>."
        case .forbidden(let scope): "This API key lacks the scope \(scope.rawValue)."
        case .badRequest(let detail): detail
        case .validation(let problems):
            problems.count == 1 ? "One field is invalid." : "\(problems.count) fields are invalid."
        case .tooLarge(let limit): "The request body is larger than \(limit) bytes."
        case .notFound(let detail): detail
        case .missing(_, let detail): detail
        case .routeNotFound: "No such route."
        case .methodNotAllowed: "This route does not accept that method."
        case .unavailable(let detail): detail
        case .rateLimited(let kind, let limit):
            "This API key sent more than \(limit) \(kind) requests a second; try again after Retry-After seconds."
        }
    }

    var problems: [FieldProblem] {
        if case .validation(let problems) = self { return problems }
        return []
    }
}
