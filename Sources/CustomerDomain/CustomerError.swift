/// Why a command was refused. Each case maps to one code of the contract;
/// the HTTP layer turns it into problem details and nothing else does.
public enum CustomerError: Error, Hashable, Sendable {
    /// Fields are missing or malformed (`validation/failed`).
    case validationFailed([FieldProblem])
    /// A business rule forbids the command (`request/invalid`).
    case invalidRequest(detail: String, problems: [FieldProblem])
    /// The customer, or something inside its stream, does not exist
    /// (`customer/not-found`; representatives and documents live in their
    /// customer's stream, so they share the code).
    case notFound(MissingEntity)
    /// A creation command met a stream that already holds a customer.
    case alreadyExists(CustomerID)
    /// A profile decision by the key that accepted one of its documents (`review/four-eyes`).
    case fourEyes(String)
    /// Erasure of a customer under a legal hold (`customer/legal-hold`).
    case legalHold(String)

    public var code: String {
        switch self {
        case .validationFailed: "validation/failed"
        case .invalidRequest, .alreadyExists: "request/invalid"
        case .notFound: "customer/not-found"
        case .fourEyes: "review/four-eyes"
        case .legalHold: "customer/legal-hold"
        }
    }

    public var detail: String {
        switch self {
        case .validationFailed(let problems):
            problems.count == 1
                ? "1 field is missing or malformed."
                : "\(problems.count) fields are missing or malformed."
        case .invalidRequest(let detail, _): detail
        case .notFound(let entity): entity.description
        case .alreadyExists(let id): "Customer \(id) already exists."
        case .fourEyes(let detail), .legalHold(let detail): detail
        }
    }

    public var problems: [FieldProblem] {
        switch self {
        case .validationFailed(let problems), .invalidRequest(_, let problems): problems
        case .notFound, .alreadyExists, .fourEyes, .legalHold: []
        }
    }

    static func invalid(_ detail: String) -> CustomerError {
        .invalidRequest(detail: detail, problems: [])
    }
}

public enum MissingEntity: Hashable, Sendable, CustomStringConvertible {
    case customer(String?)
    case representative(RepresentativeID)
    case document(DocumentID)
    case profile(ProfileName, ProfileSubject)

    public var description: String {
        switch self {
        case .customer(let id?): "Customer \(id) was not found."
        case .customer(nil): "The customer was not found."
        case .representative(let id): "Business representative \(id) was not found."
        case .document(let id): "Document \(id) was not found."
        case .profile(let name, let subject): "\(subject) has no verification profile named \(name.rawValue)."
        }
    }
}
