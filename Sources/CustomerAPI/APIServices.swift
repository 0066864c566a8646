import CustomerService
import Foundation

/// What the routes use from the layers below, built once per process.
public struct APIServices: Sendable {
    public let handler: CommandHandler
    public let queries: CustomerQueries
    public let history: CustomerHistory
    public let documents: DocumentContents
    public let feed: NotificationFeed
    public let subscriptions: WebhookSubscriptions
    public let deliveries: WebhookDeliveries
    public let metrics: ServiceMetrics
    /// The time commands are decided at.
    public let clock: @Sendable () -> Date

    public init(_ services: CustomerServices, clock: @escaping @Sendable () -> Date = { Date() }) {
        handler = services.handler
        queries = services.queries
        history = services.history
        documents = services.documents
        feed = services.feed
        subscriptions = services.subscriptions
        deliveries = services.deliveries
        metrics = ServiceMetrics()
        self.clock = clock
    }
}

/// Fresh ids from the system's cryptographically secure generator.
enum FreshIdentifiers {
    static func bytes() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
