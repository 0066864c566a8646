import CustomerService
import EventStore
import Foundation

/// What the routes use from the layers below, built once per process.
public struct APIServices: Sendable {
    public let handler: CommandHandler
    public let queries: CustomerQueries
    public let history: CustomerHistory
    public let documents: DocumentContents
    public let metrics: ServiceMetrics
    /// The time commands are decided at.
    public let clock: @Sendable () -> Date

    public init(store: EventStore, vault: PersonalDataVault, clock: @escaping @Sendable () -> Date = { Date() }) {
        handler = CommandHandler(store: store, vault: vault)
        queries = CustomerQueries(pool: store.pool)
        history = CustomerHistory(store: store, vault: vault)
        documents = DocumentContents(pool: store.pool)
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
