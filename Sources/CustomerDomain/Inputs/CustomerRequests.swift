/// The body that creates an individual customer.
public struct NewIndividual: Codable, Hashable, Sendable {
    public var email: String?
    public var phone: String?
    public var address: Address?
    public var personalInformation: PersonalInformation?
    public var meta: Meta?

    public init(
        email: String? = nil,
        phone: String? = nil,
        address: Address? = nil,
        personalInformation: PersonalInformation? = nil,
        meta: Meta? = nil
    ) {
        self.email = email
        self.phone = phone
        self.address = address
        self.personalInformation = personalInformation
        self.meta = meta
    }
}

/// The body that creates a business customer.
public struct NewBusiness: Codable, Hashable, Sendable {
    public var email: String?
    public var phone: String?
    public var addresses: [Address]?
    public var businessInformation: BusinessInformation?
    public var meta: Meta?

    public init(
        email: String? = nil,
        phone: String? = nil,
        addresses: [Address]? = nil,
        businessInformation: BusinessInformation? = nil,
        meta: Meta? = nil
    ) {
        self.email = email
        self.phone = phone
        self.addresses = addresses
        self.businessInformation = businessInformation
        self.meta = meta
    }
}

/// `POST /v2/customer`: the `type` field says which body follows.
public enum NewCustomer: Codable, Hashable, Sendable {
    case individual(NewIndividual)
    case business(NewBusiness)

    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        switch try container.decode(CustomerType.self, forKey: .type) {
        case .individual: self = .individual(try NewIndividual(from: decoder))
        case .business: self = .business(try NewBusiness(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        switch self {
        case .individual(let body):
            try container.encode(CustomerType.individual, forKey: .type)
            try body.encode(to: encoder)
        case .business(let body):
            try container.encode(CustomerType.business, forKey: .type)
            try body.encode(to: encoder)
        }
    }
}

/// `PATCH /v2/customer/{id}` for individuals. `address` and `meta` replace
/// the whole value; `personalInformation` replaces the fields it gives.
public struct IndividualUpdate: Codable, Hashable, Sendable {
    public var address: Address?
    public var personalInformation: PersonalInformation?
    public var meta: Meta?

    public init(address: Address? = nil, personalInformation: PersonalInformation? = nil, meta: Meta? = nil) {
        self.address = address
        self.personalInformation = personalInformation
        self.meta = meta
    }
}

/// The body that adds a representative to a business customer.
public struct NewRepresentative: Codable, Hashable, Sendable {
    /// Required, and always `individual`.
    public var type: RepresentativeType?
    public var email: String?
    public var phone: String?
    public var address: Address?
    public var personalInformation: PersonalInformation?
    public var representationDetails: RepresentationDetails?

    public init(
        type: RepresentativeType? = .individual,
        email: String? = nil,
        phone: String? = nil,
        address: Address? = nil,
        personalInformation: PersonalInformation? = nil,
        representationDetails: RepresentationDetails? = nil
    ) {
        self.type = type
        self.email = email
        self.phone = phone
        self.address = address
        self.personalInformation = personalInformation
        self.representationDetails = representationDetails
    }
}

/// `PATCH /v2/business-representative/{id}`: each field given replaces the
/// current value (`personalInformation` field by field).
public struct RepresentativeUpdate: Codable, Hashable, Sendable {
    /// Optional; when given, `individual` (it never changes).
    public var type: RepresentativeType?
    public var email: String?
    public var phone: String?
    public var address: Address?
    public var personalInformation: PersonalInformation?
    public var representationDetails: RepresentationDetails?

    public init(
        type: RepresentativeType? = nil,
        email: String? = nil,
        phone: String? = nil,
        address: Address? = nil,
        personalInformation: PersonalInformation? = nil,
        representationDetails: RepresentationDetails? = nil
    ) {
        self.type = type
        self.email = email
        self.phone = phone
        self.address = address
        self.personalInformation = personalInformation
        self.representationDetails = representationDetails
    }
}
