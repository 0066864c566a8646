import CustomerDomain
import EventStore
import Foundation

/// A customer's stream as the log holds it, for history, time travel, replay and export.
public struct CustomerHistory: Sendable {
    public let store: EventStore

    public init(store: EventStore) {
        self.store = store
    }

    /// Every event of the customer's stream, oldest first (empty: no such customer).
    public func events(of customer: CustomerID) async throws -> [LoggedEvent] {
        try await store.read(stream: CustomerStreams.id(of: customer)).map(LoggedEvent.init)
    }

    /// A page of the stream: up to `limit` events after version `after`, and whether more follow.
    public func page(of customer: CustomerID, after version: Int64, limit: Int) async throws -> (events: [LoggedEvent], hasMore: Bool) {
        // No stream reaches the largest version (and `version + 1` would overflow).
        guard version < Int64.max, version >= 0, limit > 0 else { return ([], false) }
        let limit = min(limit, Int(Int32.max) - 1)
        let events = try await store.read(stream: CustomerStreams.id(of: customer), fromVersion: version + 1, limit: limit + 1)
        return (events.prefix(limit).map(LoggedEvent.init), events.count > limit)
    }

    /// The customer as of a stream version, folded from the log.
    public func state(of customer: CustomerID, asOfVersion version: Int64) async throws -> CustomerState {
        try TimeTravel.state(of: try await events(of: customer), asOfVersion: version)
    }

    /// The customer as of a recorded time, folded from the log.
    public func state(of customer: CustomerID, asOf time: Date) async throws -> CustomerState {
        try TimeTravel.state(of: try await events(of: customer), asOf: time)
    }
}
