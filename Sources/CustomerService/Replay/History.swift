import JSON
import CustomerDomain
import Foundation

/// The audit history of one customer (`customers history`): each event with
/// its metadata and a summary of what it changed, oldest first.
public enum History {
    public static func entries(_ events: [LoggedEvent]) throws(HistoryError) -> [HistoryEntry] {
        let steps = try Replay.steps(events)
        var entries: [HistoryEntry] = []
        entries.reserveCapacity(events.count)
        for (event, step) in zip(events, steps) {
            let metadata = event.loggedMetadata
            let masked = try TimeTravel.decode(event).masked
            entries.append(HistoryEntry(
                version: event.version, position: event.position, type: event.type,
                recordedAt: event.recordedAt, actor: metadata.actor, commandType: metadata.commandType,
                requestId: metadata.requestId, data: JSONTree(json: masked.encoded().data) ?? .object([:]),
                summary: summary(of: step)))
        }
        return entries
    }

    /// One line per event.
    public static func text(of entries: [HistoryEntry]) -> String {
        entries.map { $0.text() + "\n" }.joined()
    }

    /// The fields a step changed, each named once: a customer field by its
    /// top-level name (`address`), a representative's or document's by id
    /// and field (`document_…/status`, `document_… added`), then each profile
    /// status change (`kyc_profile_a incomplete → pending`).
    static func summary(of step: ReplayStep) -> String {
        var names: [String] = []
        for change in step.fieldChanges {
            let name = fieldName(of: change)
            if !names.contains(name) { names.append(name) }
        }
        names += step.statusChanges.map { change in
            change.subjectId.hasPrefix(RepresentativeID.prefix)
                ? "\(change.profile.rawValue) \(change.subjectId) \(statusText(change))"
                : "\(change.profile.rawValue) \(statusText(change))"
        }
        return names.joined(separator: ", ")
    }

    private static func fieldName(of change: FieldChange) -> String {
        let tokens = change.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard let first = tokens.first else { return change.path }
        guard first == "representatives" || first == "documents", tokens.count >= 2 else { return String(first) }
        let id = tokens.dropFirst().first ?? ""
        if tokens.count == 2 { return "\(id) \(change.kind.rawValue)" }
        return "\(id)/\(tokens.dropFirst(2).first ?? "")"
    }

    private static func statusText(_ change: StatusChange) -> String {
        "\(change.from?.rawValue ?? "(new)") → \(change.to?.rawValue ?? "(removed)")"
    }
}
