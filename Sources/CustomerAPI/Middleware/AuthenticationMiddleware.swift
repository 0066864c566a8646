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
            context.apiKey = keyring.key(for: Self.trimmed(header.utf8.dropFirst(7)))
        }
        context.logger[metadataKey: "actor"] = .string(context.apiKey?.name ?? "anonymous")
        return try await next(request, context)
    }

    /// The token without the spaces and tabs around it (Foundation's trimming costs more than
    /// the rest of the lookup).
    static func trimmed(_ bytes: Substring.UTF8View) -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(Substring(bytes[first...last]))
    }
}
