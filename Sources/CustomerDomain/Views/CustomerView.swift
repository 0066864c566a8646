/// A customer as every response shows it (create, get, list item, update).
/// Absent optional fields are left out; the tax identification number is
/// never part of it.
public struct CustomerView: Codable, Hashable, Sendable {
    public var id: CustomerID
    public var type: CustomerType
    public var email: String
    public var phone: String
    public var firstName: String?
    public var lastName: String?
    public var dateOfBirth: String?
    public var personalInformation: PersonalInformationView?
    public var businessLegalName: String?
    public var businessTradeName: String?
    public var businessInformation: BusinessInformationView?
    public var address: PostalAddress?
    public var addresses: [PostalAddress]?
    public var verificationProfiles: [VerificationProfile]
    public var meta: Meta?
    /// Present while a legal hold forbids erasing the customer.
    public var legalHold: LegalHoldView?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// `profile`: the customer's own profile when the caller has evaluated it already.
    public init(_ customer: Customer, profile: VerificationProfile? = nil) {
        id = customer.id
        type = customer.type
        email = customer.email
        phone = customer.phone
        switch customer.type {
        case .individual:
            firstName = customer.personalInformation?.firstName
            lastName = customer.personalInformation?.lastName
            dateOfBirth = customer.personalInformation?.dateOfBirth
            personalInformation = customer.personalInformation.map(PersonalInformationView.init)
            address = customer.address
        case .business:
            businessLegalName = customer.businessInformation?.legalName
            businessTradeName = customer.businessInformation?.tradeName
            businessInformation = customer.businessInformation.map(BusinessInformationView.init)
            addresses = customer.addresses
        }
        verificationProfiles = [profile ?? customer.verificationProfile]
        meta = customer.meta
        legalHold = customer.legalHold.map { LegalHoldView(reason: $0.reason, since: $0.since) }
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }

    /// The view of `state`, or nil when the stream holds no customer.
    public init?(_ state: CustomerState) {
        guard let customer = state.customer else { return nil }
        self.init(customer)
    }
}

public struct LegalHoldView: Codable, Hashable, Sendable {
    public var reason: String
    public var since: Timestamp
}

/// `{"customers": [...], "pagination": {...}}` of the customer list.
public struct CustomerPage: Codable, Hashable, Sendable {
    public var customers: [CustomerView]
    public var pagination: Pagination

    public init(customers: [CustomerView], pagination: Pagination) {
        self.customers = customers
        self.pagination = pagination
    }
}

public struct Pagination: Codable, Hashable, Sendable {
    public var page: Int
    public var limit: Int
    public var total: Int
    public var totalPages: Int
    public var hasNext: Bool
    public var hasPrevious: Bool

    /// The pagination of page `page` (from 1) of `total` items, `limit` per page.
    public init(page: Int, limit: Int, total: Int) {
        self.page = page
        self.limit = limit
        self.total = total
        self.totalPages = limit > 0 ? (total + limit - 1) / limit : 0
        self.hasNext = page < totalPages
        self.hasPrevious = page > 1
    }
}
