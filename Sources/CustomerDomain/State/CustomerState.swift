/// Everything the log says about one customer, folded by `evolve`.
/// The initial state holds no customer: the stream is empty.
public struct CustomerState: Hashable, Sendable {
    public var customer: Customer?

    public init(customer: Customer? = nil) {
        self.customer = customer
    }

    public static let initial = CustomerState()
}

public struct Customer: Hashable, Sendable {
    public var id: CustomerID
    public var type: CustomerType
    public var email: String
    public var phone: String
    /// An individual's residential address.
    public var address: PostalAddress?
    public var personalInformation: PersonDetails?
    /// A business's registered and operating addresses.
    public var addresses: [PostalAddress]
    public var businessInformation: BusinessDetails?
    public var meta: Meta?
    /// A business's representatives, in the order they were added.
    public var representatives: [Representative]
    /// Every document uploaded for the customer or its representatives, in upload order.
    public var documents: [Document]
    /// The status of the customer's own profile, as last recorded in the log.
    public var profileStatus: ProfileStatus
    /// When the customer's own profile first left `incomplete`: from then on a reviewer has
    /// looked at (or is about to look at) the identity, so names, date of birth and the tax
    /// identification stay as they were, even if the profile later goes back to `incomplete`.
    public var identityFrozenAt: Timestamp?
    /// When the customer's personal data was erased; an erased customer takes no more commands.
    public var personalDataErasedAt: Timestamp?
    /// The legal hold that forbids erasure, while it stands.
    public var legalHold: LegalHold?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// `kyc_profile_a` for individuals, `kyb_profile_a` for businesses.
    public var profileName: ProfileName {
        type == .individual ? .kycProfileA : .kybProfileA
    }

    public func representative(_ id: RepresentativeID) -> Representative? {
        representatives.first { $0.id == id }
    }

    public func document(_ id: DocumentID) -> Document? {
        documents.first { $0.id == id }
    }

    /// The documents of one target: the customer itself or a representative.
    public func documents(of target: DocumentTarget, id: String) -> [Document] {
        documents.filter { $0.target == target && $0.targetId == id }
    }
}

public struct Representative: Hashable, Sendable {
    public var id: RepresentativeID
    public var type: RepresentativeType
    public var email: String
    public var phone: String
    public var address: PostalAddress
    public var personalInformation: PersonDetails?
    public var representationDetails: Representation?
    /// The status of the representative's `ubo_kyc_profile_a`.
    public var profileStatus: ProfileStatus
    /// When the representative's profile first left `incomplete` (see `Customer.identityFrozenAt`).
    public var identityFrozenAt: Timestamp?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
}

public enum DocumentStatus: String, Codable, Hashable, Sendable {
    case pending
    case accepted
    case rejected
}

public struct Document: Hashable, Sendable {
    public var id: DocumentID
    public var target: DocumentTarget
    public var targetId: String
    /// The canonical name.
    public var documentType: DocumentType
    /// The spelling the upload used, when it was an alias.
    public var documentTypeAsSent: DocumentType?
    public var country: CountryCode?
    public var side: DocumentSide?
    public var description: String?
    public var fileName: String
    public var fileSize: Int
    public var mimeType: String
    public var sha256: String
    public var status: DocumentStatus
    /// The reviewer's explanation, kept from the review decision.
    public var reviewDetail: String?
    /// The API key that reviewed it.
    public var reviewedBy: String?
    public var createdAt: Timestamp
    public var reviewedAt: Timestamp?
}
