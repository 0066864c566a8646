import Hummingbird
import Logging

/// Builds the service's HTTP application; `customers serve` and the tests both call this.
public func buildApplication(configuration: APIConfiguration, logger: Logger) -> some ApplicationProtocol {
    let router = Router()
    addHealthRoutes(to: router, readinessCheck: configuration.readinessCheck)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "customers"),
        logger: logger)
}
