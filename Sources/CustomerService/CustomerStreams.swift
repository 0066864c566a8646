import CustomerDomain
import EventStore

/// Each customer's events live in one stream named by the customer's id; a business's
/// representatives and every document live in their customer's stream too.
enum CustomerStreams {
    static let streamType = "customer"
    /// Matches every customer stream id in a LIKE (the underscore is escaped: it is a wildcard).
    static let likePattern = "customer\\_%"

    static func id(of customer: CustomerID) -> String { customer.rawValue }
}

extension LoggedEvent {
    /// The replay and history form of an event read from the store.
    init(_ recorded: RecordedEvent) {
        self.init(
            streamId: recorded.streamId, version: recorded.streamVersion, position: recorded.position.position,
            transactionId: recorded.position.transactionId, type: recorded.type, schemaVersion: recorded.schemaVersion,
            data: recorded.data, metadata: recorded.metadata, recordedAt: recorded.recordedAt)
    }
}

extension CustomerEvent {
    /// The event as the store appends it: type, schema version and canonical JSON, with its
    /// personal fields as the event holds them (`CustomerCipher.sealed` seals them first).
    var newEvent: NewEvent {
        let encoded = encoded()
        return NewEvent(type: encoded.type, schemaVersion: encoded.schemaVersion, data: encoded.data)
    }

    /// The event with its personal fields in plain text, as events were stored before sealing:
    /// for generated benchmark logs only.
    public var unsealedNewEvent: NewEvent { newEvent }
}
