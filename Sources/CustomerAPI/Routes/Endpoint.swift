import Hummingbird

/// One route: method, path, the scopes that admit a caller (any one of them; none: open), and
/// what it does. Routes are declared as data so that every route's scope is checked the same
/// way, before its body is read, and a test can walk them all.
public struct Endpoint: Sendable {
    public let method: HTTPRequest.Method
    /// Hummingbird's path syntax: `/v2/customer/:id`.
    public let path: String
    /// A caller needs one of these; an empty list leaves the route open.
    public let scopes: [Scope]
    let handler: @Sendable (Request, APIContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, scope: Scope?, _ handler: @escaping @Sendable (Request, APIContext) async throws -> Response) {
        self.init(method, path, anyOf: scope.map { [$0] } ?? [], handler)
    }

    init(_ method: HTTPRequest.Method, _ path: String, anyOf scopes: [Scope], _ handler: @escaping @Sendable (Request, APIContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.scopes = scopes
        self.handler = handler
    }

    public var isOpen: Bool { scopes.isEmpty }

    func register(on router: Router<APIContext>) {
        let scopes = self.scopes
        let handler = self.handler
        router.on(RouterPath(path), method: method) { request, context in
            if let first = scopes.first {
                guard let key = context.apiKey else { throw APIError.unauthorized }
                guard scopes.contains(where: key.scopes.contains) else { throw APIError.forbidden(first) }
            }
            return try await handler(request, context)
        }
    }
}
