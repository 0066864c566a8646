import Hummingbird

/// Finds the console session a `/console` request's cookie names and records it on the context,
/// with its key's name as the request's actor in every log line. Only the console's own paths
/// look at the cookie: the API authenticates by bearer token alone, so a cookie a browser sends
/// along can never make an API request on its own (no API route is under `/console`).
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let sessions: ConsoleSessions

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/console" || request.uri.path.hasPrefix("/console/"),
              let id = request.cookies[ConsoleResponses.sessionCookie]?.value, !id.isEmpty,
              let session = await sessions.session(id)
        else { return try await next(request, context) }
        var context = context
        context.consoleSession = session
        // The session's key, as a bearer token would set it: its requests count against that
        // key's rate limits, and its commands record it as their actor.
        context.apiKey = session.key
        context.logger[metadataKey: "actor"] = .string(session.keyName)
        return try await next(request, context)
    }
}
