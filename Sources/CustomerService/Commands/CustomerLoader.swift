import CustomerDomain
import EventStore

/// Folds a customer's stream into its current state, opening its personal fields with its key.
struct CustomerLoader: Sendable {
    let store: EventStore
    let vault: PersonalDataVault

    struct Loaded {
        let state: CustomerState
        /// The stream's version, nil when the customer does not exist.
        let version: Int64?
        /// The customer's data key as stored when the stream was read.
        let key: PersonalDataVault.StoredKey

        /// A customer that does not exist.
        static let absent = Loaded(state: .initial, version: nil, key: .none)
    }

    func load(_ id: CustomerID) async throws -> Loaded {
        let stream = CustomerStreams.id(of: id)
        // The key is read just after the events, in the same round trip: every key committed with
        // the events read is there. One destroyed since comes without its erasure event; the
        // handler sees that and reads again.
        let (recorded, keyRow) = try await store.read(stream: stream, alongside: PersonalDataVault.keyStatement(of: stream))
        guard !recorded.isEmpty else { return .absent }
        let key = try vault.storedKey(of: stream, from: keyRow)
        let cipher = CustomerCipher(customer: stream, key: key)
        var state = CustomerState.initial
        for event in recorded {
            state = evolve(state, try cipher.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data))
        }
        return Loaded(state: state, version: recorded.last?.streamVersion, key: key)
    }
}
