import CustomerDomain

/// A customer's logged events beside their domain events, decoded once. A view that folds one
/// stream several ways (the console's customer page: the state, the replay, each profile's
/// series and explanation) decodes it once instead of once per fold.
public struct DecodedStream: Sendable {
    /// Oldest first, versions from 1.
    public let events: [LoggedEvent]
    let decoded: [CustomerEvent]

    public init(_ events: [LoggedEvent]) throws(HistoryError) {
        self.events = events
        var decoded: [CustomerEvent] = []
        decoded.reserveCapacity(events.count)
        for event in events { decoded.append(try TimeTravel.decode(event)) }
        self.decoded = decoded
    }

    private init(events: [LoggedEvent], decoded: [CustomerEvent]) {
        self.events = events
        self.decoded = decoded
    }

    public var latestVersion: Int64 { events.last?.version ?? 0 }

    /// Each logged event with its domain event, in order.
    var pairs: Zip2Sequence<[LoggedEvent], [CustomerEvent]> { zip(events, decoded) }

    /// The stream up to and including `version`, after checking that the stream has it.
    public func through(version: Int64) throws(HistoryError) -> DecodedStream {
        let count = try TimeTravel.prefix(of: events, throughVersion: version).count
        return DecodedStream(events: Array(events.prefix(count)), decoded: Array(decoded.prefix(count)))
    }

    /// The state the whole stream folds to.
    public var state: CustomerState {
        decoded.reduce(CustomerState.initial, evolve)
    }
}
