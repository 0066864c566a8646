import CustomerDomain
import EventStore
import Foundation

/// A customer's stream as the log holds it, for history, time travel, replay and export, with
/// its personal fields opened: in plain text, or `[erased]` once the customer's key is destroyed.
public struct CustomerHistory: Sendable {
    public let store: EventStore
    public let vault: PersonalDataVault

    public init(store: EventStore, vault: PersonalDataVault) {
        self.store = store
        self.vault = vault
    }

    /// Every event of the customer's stream, oldest first (empty: no such customer).
    public func events(of customer: CustomerID) async throws -> [LoggedEvent] {
        try await openedEvents(of: customer, fromVersion: 1, limit: Int(Int32.max))
    }

    /// A page of the stream: up to `limit` events after version `after`, and whether more follow.
    public func page(of customer: CustomerID, after version: Int64, limit: Int) async throws -> (events: [LoggedEvent], hasMore: Bool) {
        // No stream reaches the largest version (and `version + 1` would overflow).
        guard version < Int64.max, version >= 0, limit > 0 else { return ([], false) }
        let limit = min(limit, Int(Int32.max) - 1)
        let events = try await openedEvents(of: customer, fromVersion: version + 1, limit: limit + 1)
        return (Array(events.prefix(limit)), events.count > limit)
    }

    /// The events and the customer's key, read in one round trip; the events opened with the key.
    private func openedEvents(of customer: CustomerID, fromVersion: Int64, limit: Int) async throws -> [LoggedEvent] {
        let stream = CustomerStreams.id(of: customer)
        let (recorded, keyRow) = try await store.read(
            stream: stream, fromVersion: fromVersion, limit: limit, alongside: PersonalDataVault.keyStatement(of: stream))
        return try opened(recorded, with: CustomerCipher(customer: stream, key: try vault.storedKey(of: stream, from: keyRow)))
    }

    private func opened(_ recorded: [RecordedEvent], with cipher: CustomerCipher) throws -> [LoggedEvent] {
        let sealedMarker = Data(CustomerCipher.prefix.utf8)
        let erasing = if case .destroyed = cipher.key { true } else { false }
        return try recorded.map { event in
            var logged = LoggedEvent(event)
            // Events with sealed fields are decoded and written again, in plain text; once the key
            // is destroyed every event is, so that fields stored before sealing read erased too.
            if erasing || event.data.range(of: sealedMarker) != nil {
                let plain = try cipher.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data).encoded()
                logged.schemaVersion = plain.schemaVersion
                logged.data = plain.data
            }
            return logged
        }
    }

    /// The customer as of a stream version, folded from the log.
    public func state(of customer: CustomerID, asOfVersion version: Int64) async throws -> CustomerState {
        try TimeTravel.state(of: try await events(of: customer), asOfVersion: version)
    }

    /// The customer as of a recorded time, folded from the log.
    public func state(of customer: CustomerID, asOf time: Date) async throws -> CustomerState {
        try TimeTravel.state(of: try await events(of: customer), asOf: time)
    }

    /// Why `subject`'s `profile` is where it is (nil: no such customer or profile).
    public func explanation(of customer: CustomerID, profile: ProfileName, subject: ProfileSubject) async throws -> ProfileExplanation? {
        try ProfileExplanation.explain(try await events(of: customer), profile: profile, subject: subject)
    }
}
