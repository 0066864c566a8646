/// The facts the log records. Each payload holds the data as validated by `decide`, in the log's
/// own value types (`PostalAddress`, `PersonDetails`, `BusinessDetails`, `Representation`), not
/// the request's; optional fields of an update are nil when they did not change.

public struct IndividualCustomerCreated: Codable, Hashable, Sendable {
    public var customerId: CustomerID
    public var email: String
    public var phone: String
    public var address: PostalAddress
    public var personalInformation: PersonDetails?
    public var meta: Meta?
    public var createdAt: Timestamp
}

public struct BusinessCustomerCreated: Codable, Hashable, Sendable {
    public var customerId: CustomerID
    public var email: String
    public var phone: String
    public var addresses: [PostalAddress]
    public var businessInformation: BusinessDetails?
    public var meta: Meta?
    public var createdAt: Timestamp
}

/// `address` and `meta` are the new whole values; `personalInformation` is
/// the full result after the patch, so replay needs no merge logic.
public struct IndividualCustomerUpdated: Codable, Hashable, Sendable {
    public var address: PostalAddress?
    public var personalInformation: PersonDetails?
    public var meta: Meta?
    public var updatedAt: Timestamp
}

public struct BusinessRepresentativeAdded: Codable, Hashable, Sendable {
    public var representativeId: RepresentativeID
    /// Since schema 3; earlier events are upcast to `individual`, the only kind there was.
    public var type: RepresentativeType
    public var email: String
    public var phone: String
    public var address: PostalAddress
    public var personalInformation: PersonDetails?
    public var representationDetails: Representation?
    public var addedAt: Timestamp
}

public struct BusinessRepresentativeUpdated: Codable, Hashable, Sendable {
    public var representativeId: RepresentativeID
    public var email: String?
    public var phone: String?
    public var address: PostalAddress?
    public var personalInformation: PersonDetails?
    public var representationDetails: Representation?
    public var updatedAt: Timestamp
}

public struct BusinessRepresentativeRemoved: Codable, Hashable, Sendable {
    public var representativeId: RepresentativeID
    public var removedAt: Timestamp
}

/// The metadata and hash of a document; the bytes live outside the log.
public struct DocumentUploaded: Codable, Hashable, Sendable {
    public var documentId: DocumentID
    public var target: DocumentTarget
    public var targetId: String
    /// The canonical name.
    public var documentType: DocumentType
    /// The alias the upload used (`drivers_license`), nil when it used the canonical name.
    public var documentTypeAsSent: DocumentType?
    public var country: CountryCode?
    public var side: DocumentSide?
    public var description: String?
    public var fileName: String
    public var fileSize: Int
    public var mimeType: String
    public var sha256: String
    public var uploadedAt: Timestamp
}

public struct DocumentReviewed: Codable, Hashable, Sendable {
    public var documentId: DocumentID
    public var decision: DocumentReviewDecision
    public var detail: String?
    /// The API key that reviewed it (nil in reviews recorded before reviewers were).
    public var reviewedBy: String?
    public var reviewedAt: Timestamp
}

/// Why a profile's status moved.
public enum StatusChangeReason: String, Codable, Hashable, Sendable {
    /// The criteria changed: work became outstanding, or none is left.
    case criteriaChanged = "criteria_changed"
    /// A reviewer approved or rejected the profile.
    case reviewDecision = "review_decision"
}

/// Every status a profile ever has is set by one of these, so the log
/// itself explains each status.
public struct VerificationProfileStatusChanged: Codable, Hashable, Sendable {
    public var profile: ProfileName
    public var subject: ProfileSubject
    public var from: ProfileStatus
    public var to: ProfileStatus
    public var reason: StatusChangeReason
    /// The reviewer's detail, or which criteria caused the change.
    public var detail: String?
    /// The API key that decided, for a review decision.
    public var decidedBy: String?
    /// The SHA-256 of the criteria tables' text that placed the criteria (`ProfileTables.rulesText`).
    public var rulesVersion: String?
    /// The documents (and a business's representatives) the status rested on.
    public var evidence: ProfileEvidence?
    public var changedAt: Timestamp
}

/// The customer's personal data was erased: its key is destroyed with this event, so the
/// personal fields of every earlier event read as erased from now on, and the customer takes no
/// more commands.
public struct PersonalDataErased: Codable, Hashable, Sendable {
    public var erasedAt: Timestamp
}

/// The customer's records must be kept (anti-money-laundering record keeping, litigation):
/// while the hold stands, its personal data cannot be erased.
public struct LegalHoldPlaced: Codable, Hashable, Sendable {
    public var reason: String
    public var placedAt: Timestamp
}

public struct LegalHoldReleased: Codable, Hashable, Sendable {
    public var releasedAt: Timestamp
}
