import CustomerDomain
import Foundation

/// Why a profile is where it is: for each criterion, its list, the event since which it has been
/// there, and the documents it rests on with the events that uploaded and reviewed them; for the
/// profile, its status and the event that set it, with the rules version recorded there.
public struct ProfileExplanation: Codable, Hashable, Sendable {
    public let customerId: String
    /// The customer's id for its own profile, the representative's for theirs.
    public let subjectId: String
    public let profile: ProfileName
    public let status: ProfileStatus
    /// The event that set the status; nil while the profile has never changed status.
    public let statusSince: EventReference?
    /// The rules version the status change recorded (nil for changes recorded before rules
    /// versions were), and the one this server decides with now.
    public let statusRulesVersion: String?
    public let currentRulesVersion: String
    /// The decision's deciding key, for an approved or rejected profile.
    public let decidedBy: String?
    public let criteria: [CriterionExplanation]
    /// The stream version explained (the latest).
    public let version: Int64
}

/// One event of the stream, as an auditor names it.
public struct EventReference: Codable, Hashable, Sendable {
    public let version: Int64
    public let type: String
    public let actor: String?
    public let recordedAt: String
}

public struct CriterionExplanation: Codable, Hashable, Sendable {
    public enum List: String, Codable, Hashable, Sendable { case complete, pending, required, errors }

    public let name: String
    public let list: List
    /// The reviewer's detail, for a criterion in errors.
    public let detail: String?
    /// The first event of the unbroken run in which the criterion has been in this list.
    public let since: EventReference
    public let evidence: [DocumentEvidence]
}

/// A document a criterion rests on, with the events that recorded it.
public struct DocumentEvidence: Codable, Hashable, Sendable {
    public let documentId: DocumentID
    public let documentType: DocumentType
    public let sha256: String
    public let status: DocumentStatus
    public let uploaded: EventReference
    public let review: ReviewEvidence?
}

public struct ReviewEvidence: Codable, Hashable, Sendable {
    public let decision: DocumentReviewDecision
    public let reviewedBy: String?
    public let detail: String?
    public let event: EventReference
}

extension ProfileExplanation {
    /// Every profile of the customer the stream holds (its own first, then its representatives'),
    /// explained.
    public static func all(of events: [LoggedEvent]) throws(HistoryError) -> [ProfileExplanation] {
        all(of: try DecodedStream(events))
    }

    public static func all(of stream: DecodedStream) -> [ProfileExplanation] {
        (stream.state.customer?.subjectProfiles ?? []).compactMap { subjectProfile in
            explain(stream, profile: subjectProfile.profile.name, subject: subjectProfile.subject)
        }
    }

    /// Folds `events` (a customer's stream, oldest first) and explains `subject`'s profile as
    /// the stream leaves it; nil when the stream has no such profile.
    static func explain(_ events: [LoggedEvent], profile: ProfileName, subject: ProfileSubject) throws(HistoryError) -> ProfileExplanation? {
        explain(try DecodedStream(events), profile: profile, subject: subject)
    }

    static func explain(_ stream: DecodedStream, profile: ProfileName, subject: ProfileSubject) -> ProfileExplanation? {
        let events = stream.events
        var state = CustomerState.initial
        var places: [String: (list: CriterionExplanation.List, detail: String?, since: EventReference)] = [:]
        var uploads: [DocumentID: EventReference] = [:]
        var reviews: [DocumentID: (DocumentReviewed, EventReference)] = [:]
        var statusChange: (VerificationProfileStatusChanged, EventReference)?
        for (event, decoded) in stream.pairs {
            state = evolve(state, decoded)
            let reference = EventReference(
                version: event.version, type: event.type, actor: event.loggedMetadata.actor,
                recordedAt: RecordedTime.milliseconds(event.recordedAt))
            switch decoded {
            case .documentUploaded(let uploaded): uploads[uploaded.documentId] = reference
            case .documentReviewed(let reviewed): reviews[reviewed.documentId] = (reviewed, reference)
            case .verificationProfileStatusChanged(let changed) where changed.subject == subject && changed.profile == profile:
                statusChange = (changed, reference)
            default: break
            }
            guard let current = state.customer?.verificationProfile(of: subject), current.name == profile else { continue }
            for (name, place) in current.criteria.places where places[name]?.list != place.list || places[name]?.detail != place.detail {
                places[name] = (place.list, place.detail, reference)
            }
        }
        guard let customer = state.customer, let current = customer.verificationProfile(of: subject), current.name == profile else {
            return nil
        }
        let evidence = Dictionary(grouping: customer.evidence(of: subject).documents, by: \.criterion)
        let criteria = current.criteria.places.compactMap { name, place -> CriterionExplanation? in
            guard let since = places[name]?.since else { return nil }
            return CriterionExplanation(
                name: name, list: place.list, detail: place.detail, since: since,
                evidence: (evidence[name] ?? []).compactMap { document in
                    guard let uploaded = uploads[document.documentId] else { return nil }
                    return DocumentEvidence(
                        documentId: document.documentId, documentType: document.documentType, sha256: document.sha256,
                        status: document.status, uploaded: uploaded,
                        review: reviews[document.documentId].map { reviewed, event in
                            ReviewEvidence(decision: reviewed.decision, reviewedBy: reviewed.reviewedBy, detail: reviewed.detail, event: event)
                        })
                })
        }
        return ProfileExplanation(
            customerId: customer.id.rawValue, subjectId: subject.id, profile: profile, status: current.status,
            statusSince: statusChange?.1, statusRulesVersion: statusChange?.0.rulesVersion, currentRulesVersion: RulesVersion.current,
            decidedBy: statusChange?.0.decidedBy, criteria: criteria, version: events.last?.version ?? 0)
    }
}

extension CriteriaLists {
    /// Every criterion with its list (and detail, in errors), in the table's order within each list.
    var places: [(name: String, place: (list: CriterionExplanation.List, detail: String?))] {
        complete.map { ($0, (.complete, nil)) } + pending.map { ($0, (.pending, nil)) }
            + required.map { ($0, (.required, nil)) } + errors.map { ($0.name, (.errors, $0.detail)) }
    }
}

extension ProfileExplanation {
    /// The explanation as `customers explain` prints it.
    public var text: String {
        func event(_ reference: EventReference) -> String {
            "v\(reference.version) \(reference.type) by \(reference.actor ?? "-") at \(reference.recordedAt)"
        }
        var lines = ["\(profile.rawValue) of \(subjectId): \(status.rawValue)"
            + (statusSince.map { " since " + event($0) } ?? " (never changed)")
            + (decidedBy.map { ", decided by \($0)" } ?? "")]
        lines.append("  rules " + (statusRulesVersion.map { $0 == currentRulesVersion ? "\($0) (the current rules)" : "\($0) (now \(currentRulesVersion))" }
            ?? "not recorded (now \(currentRulesVersion))"))
        let width = criteria.map(\.name.count).max() ?? 0
        for criterion in criteria {
            let name = criterion.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let list = criterion.list.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("  \(list) \(name)  since \(event(criterion.since))" + (criterion.detail.map { ": \($0)" } ?? ""))
            for document in criterion.evidence {
                var line = "      \(document.documentId) \(document.documentType.rawValue) sha256 \(document.sha256) \(document.status.rawValue)"
                line += ", uploaded v\(document.uploaded.version)"
                if let review = document.review {
                    line += ", \(review.decision.rawValue) by \(review.reviewedBy ?? "-") in v\(review.event.version)"
                }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}
