import EventStore
import Foundation

/// Everything the API and the command line use from the service, built once per process on one
/// event store: the layers above never reach the store or the database themselves.
public struct CustomerServices: Sendable {
    public let handler: CommandHandler
    public let queries: CustomerQueries
    public let history: CustomerHistory
    public let documents: DocumentContents
    public let feed: NotificationFeed
    public let subscriptions: WebhookSubscriptions
    public let deliveries: WebhookDeliveries
    let store: EventStore

    public init(
        store: EventStore, vault: PersonalDataVault, webhookPolicy: WebhookURLPolicy = WebhookURLPolicy(),
        retrySchedule: RetrySchedule = RetrySchedule(), fourEyes: Bool = true
    ) {
        self.store = store
        handler = CommandHandler(store: store, vault: vault, fourEyes: fourEyes)
        queries = CustomerQueries(store: store, emailIndex: vault.emailIndex)
        history = CustomerHistory(store: store, vault: vault)
        documents = DocumentContents(store: store, vault: vault)
        feed = NotificationFeed(store: store, history: history)
        subscriptions = WebhookSubscriptions(store: store, vault: vault, policy: webhookPolicy)
        deliveries = WebhookDeliveries(store: store, schedule: retrySchedule)
    }
}

/// A failure of the storage below the service, as the edge maps it: passing (503, try again),
/// a value that cannot be stored (400), or anything else (500). Its description is fit for a
/// log: it never quotes the values of a statement.
public protocol StorageFailure: Error, CustomStringConvertible {
    var isTransient: Bool { get }
    var isInvalidValue: Bool { get }
}

extension EventStoreError: StorageFailure {
    public var isTransient: Bool {
        if case .failure(let failure) = self { failure.isTransient } else { false }
    }

    public var isInvalidValue: Bool {
        if case .failure(let failure) = self { failure.isInvalidValue } else { false }
    }
}
