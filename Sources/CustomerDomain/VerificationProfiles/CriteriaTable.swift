/// One criterion of a profile: its name and the rule that places it in one
/// of the four lists.
public struct Criterion<Subject>: Sendable {
    public let name: String
    public let rule: @Sendable (Subject) -> CriterionState

    public init(_ name: String, rule: @escaping @Sendable (Subject) -> CriterionState) {
        self.name = name
        self.rule = rule
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

func presence(_ present: Bool) -> CriterionState {
    present ? .complete : .required
}
