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
        }
    }

    /// The same event with every tax identification number hidden, for the
    /// audit history: the number is never shown outside the log.
    public var masked: CustomerEvent {
        switch self {
        case .individualCustomerCreated(var event):
            event.personalInformation = event.personalInformation?.masked
            return .individualCustomerCreated(event)
        case .individualCustomerUpdated(var event):
            event.personalInformation = event.personalInformation?.masked
            return .individualCustomerUpdated(event)
        case .businessRepresentativeAdded(var event):
            event.personalInformation = event.personalInformation?.masked
            return .businessRepresentativeAdded(event)
        case .businessRepresentativeUpdated(var event):
            event.personalInformation = event.personalInformation?.masked
            return .businessRepresentativeUpdated(event)
        default:
            return self
        }
    }
}
