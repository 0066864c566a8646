import Hummingbird
import NIOCore
import Logging

/// Builds the service's HTTP application; `customers serve` and the tests both call this.
public func buildApplication(
    configuration: APIConfiguration, services: APIServices, logger: Logger
) -> some ApplicationProtocol {
    let router = buildRouter(configuration: configuration, services: services)
    let headTimeout = TimeAmount(configuration.requestHeadTimeout)
    let bodyTimeout = TimeAmount(configuration.requestBodyTimeout)
    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [RequestDeadlineHandler(headTimeout: headTimeout, bodyTimeout: bodyTimeout)],
            idleTimeout: TimeAmount(configuration.idleTimeout))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "customers"),
        logger: logger)
}

/// Every route with its middleware, in the order requests pass through them.
public func buildRouter(configuration: APIConfiguration, services: APIServices) -> Router<APIContext> {
    let router = Router(context: APIContext.self)
    let endpoints = endpoints(configuration: configuration, services: services)
    // Identified before the access log, so that every log line of a request names its actor.
    router.middlewares.add(RequestIdMiddleware())
    router.middlewares.add(AuthenticationMiddleware(keyring: configuration.keyring))
    let sessions = ConsoleSessions(clock: services.clock)
    router.middlewares.add(ConsoleSessionMiddleware(sessions: sessions))
    router.middlewares.add(AccessLogMiddleware())
    router.middlewares.add(ProblemMiddleware(allowedMethods: AllowedMethods(endpoints)))
    router.middlewares.add(RateLimitMiddleware(limiter: RateLimiter(limits: configuration.rateLimits)))
    for endpoint in endpoints {
        endpoint.register(on: router)
    }
    ConsoleRoutes(
        services: services, keyring: configuration.keyring, sessions: sessions,
        alwaysSecureCookies: configuration.consoleSecureCookies
    ).register(on: router)
    return router
}

/// The API's routes, as data: method, path, scope.
public func endpoints(configuration: APIConfiguration, services: APIServices) -> [Endpoint] {
    SystemRoutes(
        readiness: Readiness(check: configuration.readinessCheck, maximumAge: configuration.readinessMaximumAge), metricsText: configuration.metricsText,
        openAPIDocument: OpenAPIDocument.bytes
    ).endpoints
        + CustomerRoutes(services: services).endpoints
        + HistoryRoutes(services: services).endpoints
        + ExplanationRoutes(services: services).endpoints
        + LegalHoldRoutes(services: services).endpoints
        + RepresentativeRoutes(services: services).endpoints
        + DocumentRoutes(services: services).endpoints
        + WebhookRoutes(services: services).endpoints
        + FeedRoutes(services: services).endpoints
}
