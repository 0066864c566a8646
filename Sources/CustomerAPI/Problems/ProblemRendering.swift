import JSON
import CustomerDomain
import CustomerService
import Foundation
import Hummingbird
import NIOCore
import Logging

/// Turns every error into the contract's problem details, once, at the edge. Unexpected errors
/// become a 500 with no internals in the body; the log line carries them with the request id.
enum ProblemRendering {
    static func problem(for error: any Error, requestId: String, logger: Logger) -> ProblemDetails {
        switch error {
        case let error as APIError:
            return ProblemDetails(status: error.status, code: error.code, detail: error.detail, correlationId: requestId, errors: error.problems)
        case let error as CustomerServiceError:
            if case .domain(let domain) = error { return ProblemDetails(domain, correlationId: requestId) }
            return ProblemDetails(code: error.code, detail: error.description, correlationId: requestId)
        case let error as CustomerError:
            return ProblemDetails(error, correlationId: requestId)
        case let error as HTTPError:
            return problem(for: httpError(error), requestId: requestId, logger: logger)
        case is NIOTooManyBytesError:
            return problem(for: APIError.tooLarge(limit: APILimits.jsonBody), requestId: requestId, logger: logger)
        case let error as any StorageFailure where error.isInvalidValue:
            // A data exception: a value of the request the database cannot store.
            logger.notice("value refused by the database", metadata: ["error": "\(error)"])
            return problem(for: APIError.badRequest("The request holds a value that cannot be stored."), requestId: requestId, logger: logger)
        case let error as any StorageFailure where error.isTransient:
            // The database is down or busy (a lock or statement timeout, a deadlock, exhausted
            // resources): nothing was written.
            logger.error("database unavailable", metadata: ["error": "\(error)"])
            return problem(for: APIError.unavailable("The database is unavailable or busy; nothing was written, try again shortly."), requestId: requestId, logger: logger)
        default:
            logger.error("request failed", metadata: ["error": "\(loggable(error))"])
            return ProblemDetails(
                status: 500, code: "internal/error", detail: "The request failed; the log holds details under this correlation id.",
                correlationId: requestId)
        }
    }

    /// What the log may say about an error: a storage failure's description never quotes the
    /// values of a statement (personal data among them).
    static func loggable(_ error: any Error) -> String {
        if let failure = error as? any StorageFailure { return failure.description }
        return String(reflecting: error)
    }

    /// Hummingbird's own refusals in the contract's words.
    private static func httpError(_ error: HTTPError) -> APIError {
        switch error.status {
        case .contentTooLarge: .tooLarge(limit: APILimits.jsonBody)
        case .notFound: .routeNotFound
        case .methodNotAllowed: .methodNotAllowed
        case .unauthorized: .unauthorized
        default: .badRequest(error.body ?? "The request could not be read.")
        }
    }

    static func response(_ problem: ProblemDetails) -> Response {
        let body = (try? CanonicalJSON.encode(problem)) ?? Data(#"{"code":"internal/error","status":500}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        // A 503 passes: say when to come back.
        if problem.status == 503 { headers[.retryAfter] = "1" }
        return Response(status: .init(code: problem.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Catches what routes and inner middleware throw and answers with problem details.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let allowedMethods: AllowedMethods

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // No route matched: a known path with another method is 405, with the methods it takes.
            let methods = allowedMethods.methods(for: request.uri.path)
            guard !methods.isEmpty else {
                return ProblemRendering.response(ProblemRendering.problem(for: error, requestId: context.requestId, logger: context.logger))
            }
            var response = ProblemRendering.response(
                ProblemRendering.problem(for: APIError.methodNotAllowed, requestId: context.requestId, logger: context.logger))
            response.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
            return response
        } catch {
            return ProblemRendering.response(ProblemRendering.problem(for: error, requestId: context.requestId, logger: context.logger))
        }
    }
}
