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

    /// One step per event of a stream already decoded, for the events of `versions` (all when
    /// nil). The events before are folded without being compared, which is most of a step's cost.
    public static func steps(_ stream: DecodedStream, versions: ClosedRange<Int64>? = nil) -> [ReplayStep] {
        var state = CustomerState.initial
        var steps: [ReplayStep] = []
        var pairs = stream.pairs.makeIterator()
        var pending: (LoggedEvent, CustomerEvent)?
        if let versions {
            while let pair = pairs.next() {
                if pair.0.version >= versions.lowerBound { pending = pair; break }
                state = evolve(state, pair.1)
            }
        }
        var snapshot = ViewSnapshot(state)
        while let (event, decoded) = pending ?? pairs.next() {
            pending = nil
            if let versions, event.version > versions.upperBound { break }
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
