/// One criterion of a profile: its name, the rule that places it in one of the four lists, and
/// the documents its place rests on (none for a criterion about fields).
public struct Criterion<Subject>: Sendable {
    public let name: String
    public let rule: @Sendable (Subject) -> CriterionState
    /// The document types that can satisfy it; part of the rules' text (see `ProfileTables.rulesText`).
    public let documentTypes: [DocumentType]
    let evidence: @Sendable (Subject) -> [Document]

    public init(_ name: String, rule: @escaping @Sendable (Subject) -> CriterionState) {
        self.name = name
        self.rule = rule
        self.documentTypes = []
        self.evidence = { _ in [] }
    }

    /// A criterion met by a document of `types` among `documents(subject)`: its state and its
    /// evidence come from the same documents.
    static func document(
        _ name: String, fitting types: [DocumentType], of documents: @escaping @Sendable (Subject) -> [Document]
    ) -> Criterion {
        Criterion(name: name, documentTypes: types,
                  rule: { documentCriterionState(documents($0), fitting: types) },
                  evidence: { documentEvidence(documents($0), fitting: types) })
    }

    private init(
        name: String, documentTypes: [DocumentType], rule: @escaping @Sendable (Subject) -> CriterionState,
        evidence: @escaping @Sendable (Subject) -> [Document]
    ) {
        self.name = name
        self.rule = rule
        self.documentTypes = documentTypes
        self.evidence = evidence
    }
}

/// A profile's criteria, in the order the lists show them. The tables are the
/// single definition of what each profile asks for.
public struct CriteriaTable<Subject>: Sendable {
    public let profile: ProfileName
    public let criteria: [Criterion<Subject>]

    public func evaluate(_ subject: Subject) -> CriteriaLists {
        var lists = CriteriaLists()
        for criterion in criteria {
            lists.add(criterion.name, criterion.rule(subject))
        }
        return lists
    }

    public var criterionNames: [String] { criteria.map(\.name) }

    /// Each criterion's name with the documents its place rests on, in the table's order.
    public func evidence(_ subject: Subject) -> [(criterion: String, documents: [Document])] {
        criteria.map { ($0.name, $0.evidence(subject)) }
    }

    /// The table as text: the profile, then each criterion and the document types that meet it.
    var text: String {
        "\(profile.rawValue):\n" + criteria.map { criterion in
            "  \(criterion.name)" + (criterion.documentTypes.isEmpty ? "" : " <- " + criterion.documentTypes.map(\.rawValue).joined(separator: " | "))
        }.joined(separator: "\n")
    }
}

/// A person under review: an individual customer, or a business
/// representative, with the documents uploaded for them.
public struct PersonUnderReview: Sendable {
    public var email: String
    public var phone: String
    public var address: PostalAddress?
    public var personalInformation: PersonDetails?
    public var representationDetails: Representation?
    public var documents: [Document]
}

/// The rule shared by every document criterion: `required` until a fitting
/// document arrives, `pending` while it awaits review, `complete` once a
/// review accepts one, and `errors` with the reviewer's detail when the latest
/// was rejected. A new upload after a rejection makes it `pending` again.
func documentCriterionState(_ documents: [Document], fitting types: [DocumentType]) -> CriterionState {
    let fitting = documents.filter { types.contains($0.documentType) }
    if fitting.contains(where: { $0.status == .accepted }) { return .complete }
    guard let latest = fitting.last else { return .required }
    switch latest.status {
    case .pending: return .pending
    case .accepted: return .complete
    case .rejected: return .errors(detail: latest.reviewDetail ?? "The document was rejected.")
    }
}

/// The documents a document criterion's state rests on: every accepted fitting document once
/// one is accepted, else the latest fitting one (pending or rejected), else none.
func documentEvidence(_ documents: [Document], fitting types: [DocumentType]) -> [Document] {
    let fitting = documents.filter { types.contains($0.documentType) }
    let accepted = fitting.filter { $0.status == .accepted }
    if !accepted.isEmpty { return accepted }
    return fitting.last.map { [$0] } ?? []
}

func presence(_ present: Bool) -> CriterionState {
    present ? .complete : .required
}
