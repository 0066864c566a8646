/// Everything that can happen to a customer, in the customer's stream.
public enum CustomerEvent: Hashable, Sendable {
    case individualCustomerCreated(IndividualCustomerCreated)
    case businessCustomerCreated(BusinessCustomerCreated)
    case individualCustomerUpdated(IndividualCustomerUpdated)
    case businessRepresentativeAdded(BusinessRepresentativeAdded)
    case businessRepresentativeUpdated(BusinessRepresentativeUpdated)
    case businessRepresentativeRemoved(BusinessRepresentativeRemoved)
    case documentUploaded(DocumentUploaded)
    case documentReviewed(DocumentReviewed)
    case verificationProfileStatusChanged(VerificationProfileStatusChanged)
    case personalDataErased(PersonalDataErased)
    case legalHoldPlaced(LegalHoldPlaced)
    case legalHoldReleased(LegalHoldReleased)

    /// The stable name stored as the event's type. Never rename one: stored
    /// events are read back by it.
    public var type: String {
        switch self {
        case .individualCustomerCreated: "IndividualCustomerCreated"
        case .businessCustomerCreated: "BusinessCustomerCreated"
        case .individualCustomerUpdated: "IndividualCustomerUpdated"
        case .businessRepresentativeAdded: "BusinessRepresentativeAdded"
        case .businessRepresentativeUpdated: "BusinessRepresentativeUpdated"
        case .businessRepresentativeRemoved: "BusinessRepresentativeRemoved"
        case .documentUploaded: "DocumentUploaded"
        case .documentReviewed: "DocumentReviewed"
        case .verificationProfileStatusChanged: "VerificationProfileStatusChanged"
        case .personalDataErased: "PersonalDataErased"
        case .legalHoldPlaced: "LegalHoldPlaced"
        case .legalHoldReleased: "LegalHoldReleased"
        }
    }

    /// When it happened (the `now` of the command that decided it).
    public var occurredAt: Timestamp {
        switch self {
        case .individualCustomerCreated(let event): event.createdAt
        case .businessCustomerCreated(let event): event.createdAt
        case .individualCustomerUpdated(let event): event.updatedAt
        case .businessRepresentativeAdded(let event): event.addedAt
        case .businessRepresentativeUpdated(let event): event.updatedAt
        case .businessRepresentativeRemoved(let event): event.removedAt
        case .documentUploaded(let event): event.uploadedAt
        case .documentReviewed(let event): event.reviewedAt
        case .verificationProfileStatusChanged(let event): event.changedAt
        case .personalDataErased(let event): event.erasedAt
        case .legalHoldPlaced(let event): event.placedAt
        case .legalHoldReleased(let event): event.releasedAt
        }
    }

    /// The same event with every tax identification number hidden, for the
    /// audit history: the number is never shown outside the log.
    public var masked: CustomerEvent {
        mappingPersonDetails { $0.masked }
    }

    /// The same event with `transform` applied to every personal field that holds a value: how
    /// the service seals an event for the log and opens a stored one, as a step of its own.
    public func mappingPersonalFields(_ transform: (PersonalField, String) throws -> String) rethrows -> CustomerEvent {
        switch self {
        case .individualCustomerCreated(var event):
            event.email = try transform(.email, event.email)
            event.phone = try transform(.phone, event.phone)
            event.address = try event.address.mappingPersonalFields(transform)
            event.personalInformation = try event.personalInformation?.mappingPersonalFields(transform)
            return .individualCustomerCreated(event)
        case .businessCustomerCreated(var event):
            event.email = try transform(.email, event.email)
            event.phone = try transform(.phone, event.phone)
            event.addresses = try event.addresses.map { try $0.mappingPersonalFields(transform) }
            return .businessCustomerCreated(event)
        case .individualCustomerUpdated(var event):
            event.address = try event.address?.mappingPersonalFields(transform)
            event.personalInformation = try event.personalInformation?.mappingPersonalFields(transform)
            return .individualCustomerUpdated(event)
        case .businessRepresentativeAdded(var event):
            event.email = try transform(.email, event.email)
            event.phone = try transform(.phone, event.phone)
            event.address = try event.address.mappingPersonalFields(transform)
            event.personalInformation = try event.personalInformation?.mappingPersonalFields(transform)
            return .businessRepresentativeAdded(event)
        case .businessRepresentativeUpdated(var event):
            event.email = try event.email.map { try transform(.email, $0) }
            event.phone = try event.phone.map { try transform(.phone, $0) }
            event.address = try event.address?.mappingPersonalFields(transform)
            event.personalInformation = try event.personalInformation?.mappingPersonalFields(transform)
            return .businessRepresentativeUpdated(event)
        case .documentUploaded(var event):
            event.fileName = try transform(.documentFileName, event.fileName)
            event.description = try event.description.map { try transform(.documentDescription, $0) }
            return .documentUploaded(event)
        default:
            return self
        }
    }

    /// The same event with the person details it carries masked (tax numbers hidden).
    private func mappingPersonDetails(_ transform: (PersonDetails) throws -> PersonDetails) rethrows -> CustomerEvent {
        switch self {
        case .individualCustomerCreated(var event):
            event.personalInformation = try event.personalInformation.map(transform)
            return .individualCustomerCreated(event)
        case .individualCustomerUpdated(var event):
            event.personalInformation = try event.personalInformation.map(transform)
            return .individualCustomerUpdated(event)
        case .businessRepresentativeAdded(var event):
            event.personalInformation = try event.personalInformation.map(transform)
            return .businessRepresentativeAdded(event)
        case .businessRepresentativeUpdated(var event):
            event.personalInformation = try event.personalInformation.map(transform)
            return .businessRepresentativeUpdated(event)
        default:
            return self
        }
    }
}
