import CustomerDomain
import Foundation

/// The state of a customer as it was at an earlier version or time, folded
/// from its logged events on demand (`customers show --as-of…`,
/// `GET /v2/customer/{id}?asOfVersion=`).
public enum TimeTravel {
    /// The state after event `version`, folding the stream's first `version` events.
    public static func state(of events: [LoggedEvent], asOfVersion version: Int64) throws(HistoryError) -> CustomerState {
        try fold(prefix(of: events, throughVersion: version))
    }

    /// The state after every event recorded at or before `date`.
    public static func state(of events: [LoggedEvent], asOf date: Date) throws(HistoryError) -> CustomerState {
        let recorded = events.prefix { $0.recordedAt <= date }
        guard !recorded.isEmpty else {
            throw .timeBeforeFirstEvent(requested: date, firstRecordedAt: events.first?.recordedAt)
        }
        return try fold(recorded)
    }

    /// The events up to and including `version`, after checking that the
    /// stream has it. Events are in version order, from 1.
    static func prefix(of events: [LoggedEvent], throughVersion version: Int64) throws(HistoryError) -> ArraySlice<LoggedEvent> {
        guard version >= 1 else { throw .versionBelowOne(requested: version) }
        let latest = events.last?.version ?? 0
        guard version <= latest else { throw .versionBeyondStream(requested: version, latest: latest) }
        return events.prefix { $0.version <= version }
    }

    private static func fold(_ events: ArraySlice<LoggedEvent>) throws(HistoryError) -> CustomerState {
        var state = CustomerState.initial
        for event in events {
            state = evolve(state, try decode(event))
        }
        return state
    }

    static func decode(_ event: LoggedEvent) throws(HistoryError) -> CustomerEvent {
        do {
            return try event.decoded()
        } catch {
            throw .undecodable(error)
        }
    }
}
