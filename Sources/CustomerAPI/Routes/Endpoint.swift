import Hummingbird

/// One route: method, path, the scope it requires (nil: open), and what it does. Routes are
/// declared as data so that every route's scope is checked the same way, before its body is
/// read, and a test can walk them all.
public struct Endpoint: Sendable {
    public let method: HTTPRequest.Method
    /// Hummingbird's path syntax: `/v2/customer/:id`.
    public let path: String
    public let scope: Scope?
    let handler: @Sendable (Request, APIContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, scope: Scope?, _ handler: @escaping @Sendable (Request, APIContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.scope = scope
        self.handler = handler
    }

    func register(on router: Router<APIContext>) {
        let scope = self.scope
        let handler = self.handler
        router.on(RouterPath(path), method: method) { request, context in
            if let scope {
                guard let key = context.apiKey else { throw APIError.unauthorized }
                guard key.scopes.contains(scope) else { throw APIError.forbidden(scope) }
            }
            return try await handler(request, context)
        }
    }
}
