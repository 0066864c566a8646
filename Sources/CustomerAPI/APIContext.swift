import Hummingbird
import Logging

/// What the middleware learns about a request before the route runs.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, once authenticated.
    public var apiKey: APIKey?
    /// The console's signed-in reviewer, on `/console` requests with a live session cookie.
    var consoleSession: ConsoleSession?
    /// The request's id: the caller's valid `X-Request-Id`, or a fresh one. Problem details
    /// carry it as `correlationId`.
    public var requestId: String = ""

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// JSON bodies are limited to 1 MiB; the document route collects its body with its own limit.
    public var maxUploadSize: Int { APILimits.jsonBody }
}

/// The documented maximums of requests.
public enum APILimits {
    public static let jsonBody = 1 << 20
    /// A document of 15 MiB plus room for the other form fields and multipart framing.
    public static let documentBody = 15 * (1 << 20) + 64 * 1024
    public static let documentFile = 15 * (1 << 20)
    public static let pageSize = 100
    public static let requestIdLength = 128
}
