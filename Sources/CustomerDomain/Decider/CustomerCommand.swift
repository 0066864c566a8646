import Foundation

/// What a caller asks of a customer. Fresh ids are drawn by the caller
/// (from a secure random source) and passed in, so `decide` stays pure.
public enum CustomerCommand: Hashable, Sendable {
    case createIndividual(id: CustomerID, NewIndividual)
    case createBusiness(id: CustomerID, NewBusiness)
    case updateIndividual(IndividualUpdate)
    case addRepresentative(id: RepresentativeID, NewRepresentative)
    case updateRepresentative(id: RepresentativeID, RepresentativeUpdate)
    case removeRepresentative(id: RepresentativeID)
    case recordDocumentUpload(id: DocumentID, DocumentUpload)
    case reviewDocument(id: DocumentID, DocumentReview)
    case decideProfile(ProfileName, subject: ProfileSubject, ProfileDecision)
    /// Erases the customer's personal data (its key is destroyed with the event).
    case erasePersonalData
    /// Forbids erasure until released.
    case placeLegalHold(LegalHoldRequest)
    case releaseLegalHold

    /// Whether the command creates its customer (and so names a stream that does not exist yet).
    public var createsCustomer: Bool {
        switch self {
        case .createIndividual, .createBusiness: true
        default: false
        }
    }

    /// A stable name for the command, for event metadata and logs.
    public var name: String {
        switch self {
        case .createIndividual: "CreateIndividualCustomer"
        case .createBusiness: "CreateBusinessCustomer"
        case .updateIndividual: "UpdateIndividualCustomer"
        case .addRepresentative: "AddBusinessRepresentative"
        case .updateRepresentative: "UpdateBusinessRepresentative"
        case .removeRepresentative: "RemoveBusinessRepresentative"
        case .recordDocumentUpload: "RecordDocumentUpload"
        case .reviewDocument: "ReviewDocument"
        case .decideProfile: "DecideVerificationProfile"
        case .erasePersonalData: "ErasePersonalData"
        case .placeLegalHold: "PlaceLegalHold"
        case .releaseLegalHold: "ReleaseLegalHold"
        }
    }
}

/// What a command needs from outside the domain.
public struct CommandContext: Hashable, Sendable {
    /// The time the command is decided at; recorded in the events.
    public var now: Date
    /// The API key (or operator) that sent the command: a document's reviewer, a profile's decider.
    public var actor: String?
    /// Whether a profile decision must come from another key than every review of its
    /// documents (off only in sandboxes).
    public var fourEyes: Bool
    /// The identity of the criteria tables, recorded in every status change (see
    /// `ProfileTables.rulesText`); computed once by the caller, which has a hash function.
    public var rulesVersion: String?

    public init(now: Date, actor: String? = nil, fourEyes: Bool = true, rulesVersion: String? = nil) {
        self.now = now
        self.actor = actor
        self.fourEyes = fourEyes
        self.rulesVersion = rulesVersion
    }

    var timestamp: Timestamp { Timestamp(now) }
}
