import CustomerDomain
import EventStore

/// Folds a customer's stream into its current state.
struct CustomerLoader: Sendable {
    let store: EventStore

    struct Loaded {
        let state: CustomerState
        /// The stream's version, nil when the customer does not exist.
        let version: Int64?
    }

    func load(_ id: CustomerID) async throws -> Loaded {
        let recorded = try await store.read(stream: CustomerStreams.id(of: id))
        var state = CustomerState.initial
        for event in recorded {
            state = evolve(state, try CustomerEvent.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data))
        }
        return Loaded(state: state, version: recorded.last?.streamVersion)
    }
}
