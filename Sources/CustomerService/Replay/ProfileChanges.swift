import JSON
import CustomerDomain

/// Which of a profile's four lists a criterion is in, with the error's
/// detail when it is in `errors`.
public struct CriterionPlace: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum List: String, Codable, Sendable {
        case complete
        case pending
        case required
        case errors
    }

    public var list: List
    public var detail: String?

    public init(list: List, detail: String? = nil) {
        self.list = list
        self.detail = detail
    }

    /// `pending`, or `errors ("The photo is blurry.")`.
    public var description: String {
        guard let detail else { return list.rawValue }
        return "\(list.rawValue) (\(JSONTree.string(detail).rendered))"
    }
}

/// A criterion of one profile that moved between lists. `from` is nil when
/// the profile itself is new (the customer or representative was just added).
public struct CriterionMove: Codable, Equatable, Sendable {
    public var profile: ProfileName
    /// The id of the customer or representative whose profile it is.
    public var subjectId: String
    public var criterion: String
    public var from: CriterionPlace?
    public var to: CriterionPlace

    public init(profile: ProfileName, subjectId: String, criterion: String, from: CriterionPlace?, to: CriterionPlace) {
        self.profile = profile
        self.subjectId = subjectId
        self.criterion = criterion
        self.from = from
        self.to = to
    }

    /// `kyc_profile_a (customer_…): identity_document required → pending`.
    public var text: String {
        "\(profile.rawValue) (\(subjectId)): \(criterion) \(from?.description ?? "(new)") → \(to)"
    }
}

/// A profile whose status changed. `from` is nil for a new profile and `to`
/// is nil for one that left with its representative.
public struct StatusChange: Codable, Equatable, Sendable {
    public var profile: ProfileName
    public var subjectId: String
    public var from: ProfileStatus?
    public var to: ProfileStatus?

    public init(profile: ProfileName, subjectId: String, from: ProfileStatus?, to: ProfileStatus?) {
        self.profile = profile
        self.subjectId = subjectId
        self.from = from
        self.to = to
    }

    /// `kyc_profile_a (customer_…): status incomplete → pending`.
    public var text: String {
        "\(profile.rawValue) (\(subjectId)): status \(from?.rawValue ?? "(new)") → \(to?.rawValue ?? "(removed)")"
    }

    /// The change without the subject: `kyc_profile_a incomplete → pending`.
    public var shortText: String {
        "\(profile.rawValue) \(from?.rawValue ?? "(new)") → \(to?.rawValue ?? "(removed)")"
    }
}
