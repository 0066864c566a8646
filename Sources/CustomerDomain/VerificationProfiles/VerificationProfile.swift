/// The contract's verification profile names.
public enum ProfileName: String, Codable, Hashable, Sendable, CaseIterable {
    case kycProfileA = "kyc_profile_a"
    case kybProfileA = "kyb_profile_a"
    case uboKycProfileA = "ubo_kyc_profile_a"
}

public enum ProfileStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case incomplete
    case pending
    case approved
    case rejected

    /// Approved and rejected are set only by a review decision; the criteria
    /// no longer move them.
    public var isDecided: Bool { self == .approved || self == .rejected }
}

/// Whose profile: the customer's own, or one of its representatives'.
/// Encoded as the subject's id, whose prefix tells which it is.
public enum ProfileSubject: Codable, Hashable, Sendable, CustomStringConvertible {
    case customer(CustomerID)
    case representative(RepresentativeID)

    public var id: String {
        switch self {
        case .customer(let id): id.rawValue
        case .representative(let id): id.rawValue
        }
    }

    public var description: String {
        switch self {
        case .customer(let id): "Customer \(id)"
        case .representative(let id): "Business representative \(id)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let id = CustomerID(rawValue: text) {
            self = .customer(id)
        } else if let id = RepresentativeID(rawValue: text) {
            self = .representative(id)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text) is neither a customer nor a representative id")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

/// Where one criterion stands.
public enum CriterionState: Hashable, Sendable {
    case complete
    case pending
    case required
    case errors(detail: String)
}

public struct CriterionError: Codable, Hashable, Sendable {
    public let name: String
    public let detail: String

    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }
}

/// The criteria of a profile sorted into the contract's four lists, each in
/// the order of the profile's table. Every criterion is in exactly one list.
public struct CriteriaLists: Codable, Hashable, Sendable {
    public var complete: [String] = []
    public var pending: [String] = []
    public var required: [String] = []
    public var errors: [CriterionError] = []

    public init(complete: [String] = [], pending: [String] = [], required: [String] = [], errors: [CriterionError] = []) {
        self.complete = complete
        self.pending = pending
        self.required = required
        self.errors = errors
    }

    /// Anything required or in errors keeps a profile `incomplete`.
    public var hasOutstandingWork: Bool { !required.isEmpty || !errors.isEmpty }
    public var allComplete: Bool { pending.isEmpty && !hasOutstandingWork }

    mutating func add(_ name: String, _ state: CriterionState) {
        switch state {
        case .complete: complete.append(name)
        case .pending: pending.append(name)
        case .required: required.append(name)
        case .errors(let detail): errors.append(CriterionError(name: name, detail: detail))
        }
    }
}

/// `{"name", "status", "criteria": {"complete", "pending", "required", "errors"}}`.
public struct VerificationProfile: Codable, Hashable, Sendable {
    public var name: ProfileName
    public var status: ProfileStatus
    public var criteria: CriteriaLists

    public init(name: ProfileName, status: ProfileStatus, criteria: CriteriaLists) {
        self.name = name
        self.status = status
        self.criteria = criteria
    }

    /// The status the criteria call for: a profile still under collection is
    /// `incomplete` while work is outstanding and `pending` otherwise; a
    /// decided profile keeps its decision.
    public var statusCalledForByCriteria: ProfileStatus {
        if status.isDecided { return status }
        return criteria.hasOutstandingWork ? .incomplete : .pending
    }
}

/// A profile together with whose it is.
public struct SubjectProfile: Hashable, Sendable {
    public var subject: ProfileSubject
    public var profile: VerificationProfile
}
