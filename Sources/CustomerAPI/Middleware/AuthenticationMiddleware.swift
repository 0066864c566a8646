import Hummingbird

/// Reads `Authorization: Bearer <api key>` and records the key's owner on the context. It only
/// identifies; each route's scope is checked where the route is declared (see `Endpoint`).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let keyring: APIKeyring

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.count > 7,
           header.prefix(7).lowercased() == "bearer " {
            context.apiKey = keyring.key(for: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        context.logger[metadataKey: "actor"] = .string(context.apiKey?.name ?? "anonymous")
        return try await next(request, context)
    }
}
