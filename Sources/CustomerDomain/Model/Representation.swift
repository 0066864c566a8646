/// How a person represents a business, as the log records it: roles, ownership and since when.
/// Its JSON is the request's shape; events written before `roles` was always recorded read with
/// no roles.
public struct Representation: Codable, Hashable, Sendable {
    public var roles: [RepresentativeRole]
    /// A decimal written as a string, "0" to "100", with at most two decimals.
    public var ownershipPercentage: String?
    public var isControlPerson: Bool?
    public var isSigner: Bool?
    public var relationshipEstablishedAt: CalendarDate?
    public var title: String?

    public init(
        roles: [RepresentativeRole] = [], ownershipPercentage: String? = nil, isControlPerson: Bool? = nil,
        isSigner: Bool? = nil, relationshipEstablishedAt: CalendarDate? = nil, title: String? = nil
    ) {
        self.roles = roles
        self.ownershipPercentage = ownershipPercentage
        self.isControlPerson = isControlPerson
        self.isSigner = isSigner
        self.relationshipEstablishedAt = relationshipEstablishedAt
        self.title = title
    }

    /// The representation a validated request gives.
    public init(_ input: RepresentationDetails) {
        self.init(
            roles: input.roles ?? [], ownershipPercentage: input.ownershipPercentage, isControlPerson: input.isControlPerson,
            isSigner: input.isSigner, relationshipEstablishedAt: input.relationshipEstablishedAt.flatMap { CalendarDate($0) },
            title: input.title)
    }

    /// The ownership in hundredths of a percent (so sums are exact).
    public var ownershipBasisPoints: Int? {
        ownershipPercentage.flatMap(RepresentationDetails.basisPoints(of:))
    }

    private enum CodingKeys: String, CodingKey {
        case roles, ownershipPercentage, isControlPerson, isSigner, relationshipEstablishedAt, title
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            roles: try container.decodeIfPresent([RepresentativeRole].self, forKey: .roles) ?? [],
            ownershipPercentage: try container.decodeIfPresent(String.self, forKey: .ownershipPercentage),
            isControlPerson: try container.decodeIfPresent(Bool.self, forKey: .isControlPerson),
            isSigner: try container.decodeIfPresent(Bool.self, forKey: .isSigner),
            relationshipEstablishedAt: try container.decodeIfPresent(CalendarDate.self, forKey: .relationshipEstablishedAt),
            title: try container.decodeIfPresent(String.self, forKey: .title))
    }
}
