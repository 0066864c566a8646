/// A business representative as the representative routes show it.
public struct BusinessRepresentativeView: Codable, Hashable, Sendable {
    public var id: RepresentativeID
    public var type: RepresentativeType
    public var customerId: CustomerID
    public var email: String
    public var phone: String
    public var firstName: String?
    public var lastName: String?
    public var dateOfBirth: String?
    public var personalInformation: PersonalInformationView?
    public var address: PostalAddress
    public var representationDetails: Representation?
    public var verificationProfiles: [VerificationProfile]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// `profile`: the representative's profile when the caller has evaluated it already.
    public init(_ representative: Representative, of business: Customer, profile: VerificationProfile? = nil) {
        id = representative.id
        type = representative.type
        customerId = business.id
        email = representative.email
        phone = representative.phone
        firstName = representative.personalInformation?.firstName
        lastName = representative.personalInformation?.lastName
        dateOfBirth = representative.personalInformation?.dateOfBirth
        personalInformation = representative.personalInformation.map(PersonalInformationView.init)
        address = representative.address
        representationDetails = representative.representationDetails
        verificationProfiles = [profile ?? business.verificationProfile(of: representative)]
        createdAt = representative.createdAt
        updatedAt = representative.updatedAt
    }

    /// Every representative of the business in `state`, in the order they were added.
    public static func all(in state: CustomerState) -> [BusinessRepresentativeView] {
        guard let business = state.customer else { return [] }
        return business.representatives.map { BusinessRepresentativeView($0, of: business) }
    }
}

/// A document's metadata and review status.
public struct DocumentView: Codable, Hashable, Sendable {
    public var id: DocumentID
    public var targetId: String
    public var target: DocumentTarget
    /// The type as the upload named it (an alias such as `drivers_license` stays as sent).
    public var documentType: DocumentType
    /// The name the document is recorded and counted under.
    public var canonicalDocumentType: DocumentType
    public var country: CountryCode?
    public var side: DocumentSide?
    public var description: String?
    public var fileName: String
    public var fileSize: Int
    public var mimeType: String
    public var sha256: String
    public var status: DocumentStatus
    public var createdAt: Timestamp

    public init(_ document: Document) {
        id = document.id
        targetId = document.targetId
        target = document.target
        documentType = document.documentTypeAsSent ?? document.documentType
        canonicalDocumentType = document.documentType
        country = document.country
        side = document.side
        description = document.description
        fileName = document.fileName
        fileSize = document.fileSize
        mimeType = document.mimeType
        sha256 = document.sha256
        status = document.status
        createdAt = document.createdAt
    }
}
