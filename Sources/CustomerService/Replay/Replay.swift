import CustomerDomain
import Foundation

/// Steps through a stream event by event for debugging
/// (`customers replay`), from the database or from an export alike: the
/// same events always give the same steps and the same text.
public enum Replay {
    /// One step per event, oldest first, up to and including `toVersion`
    /// (the whole stream when nil).
    public static func steps(_ events: [LoggedEvent], toVersion: Int64? = nil) throws(HistoryError) -> [ReplayStep] {
        let replayed = try toVersion.map { (version) throws(HistoryError) in
            try TimeTravel.prefix(of: events, throughVersion: version)
        } ?? events[...]
        return steps(try DecodedStream(Array(replayed)))
    }

    /// One step per event of a stream already decoded.
    public static func steps(_ stream: DecodedStream) -> [ReplayStep] {
        var state = CustomerState.initial
        var snapshot = ViewSnapshot(state)
        var steps: [ReplayStep] = []
        steps.reserveCapacity(stream.events.count)
        for (event, decoded) in stream.pairs {
            let next = evolve(state, decoded)
            let nextSnapshot = ViewSnapshot(next)
            let profiles = ProfileDiff.changes(from: state, to: next)
            steps.append(ReplayStep(
                version: event.version, position: event.position, type: event.type,
                recordedAt: event.recordedAt, actor: event.loggedMetadata.actor,
                fieldChanges: FieldDiff.changes(from: snapshot, to: nextSnapshot),
                criterionMoves: profiles.moves, statusChanges: profiles.statuses))
            state = next
            snapshot = nextSnapshot
        }
        return steps
    }

    /// The text of every step, as `customers replay` prints it.
    public static func text(of steps: [ReplayStep]) -> String {
        steps.map { $0.text() }.joined()
    }
}
