/// What a notification says happened, in SpherePay's words; subscribers choose by these.
public enum NotificationName: String, Codable, Hashable, Sendable, CaseIterable {
    case customerCreate = "customer.create"
    case customerUpdate = "customer.update"
    case customerKYCPending = "customer.kyc.pending"
    case customerKYCSuccessful = "customer.kyc.successful"
    case customerKYCRejected = "customer.kyc.rejected"
    case representativeCreate = "customer.representative.create"
    case representativeUpdate = "customer.representative.update"
    case documentUpdate = "document.update"

    /// Whether the notification's data is the customer or a document.
    public var isAboutDocument: Bool { self == .documentUpdate }
}

/// One notification an event calls for: its name and, for a document, which one.
public struct NotificationOfEvent: Hashable, Sendable {
    public let name: NotificationName
    public let document: DocumentID?

    public init(name: NotificationName, document: DocumentID? = nil) {
        self.name = name
        self.document = document
    }
}

extension CustomerEvent {
    /// The notifications this event calls for, in the order they are sent. Every event calls
    /// for exactly one: the outbox holds one notification per event.
    public var notification: NotificationOfEvent {
        switch self {
        case .individualCustomerCreated, .businessCustomerCreated:
            return NotificationOfEvent(name: .customerCreate)
        case .individualCustomerUpdated, .personalDataErased, .legalHoldPlaced, .legalHoldReleased:
            return NotificationOfEvent(name: .customerUpdate)
        case .businessRepresentativeAdded:
            return NotificationOfEvent(name: .representativeCreate)
        case .businessRepresentativeUpdated, .businessRepresentativeRemoved:
            return NotificationOfEvent(name: .representativeUpdate)
        case .documentUploaded(let uploaded):
            return NotificationOfEvent(name: .documentUpdate, document: uploaded.documentId)
        case .documentReviewed(let reviewed):
            return NotificationOfEvent(name: .documentUpdate, document: reviewed.documentId)
        case .verificationProfileStatusChanged(let changed):
            guard case .customer = changed.subject else { return NotificationOfEvent(name: .representativeUpdate) }
            switch changed.to {
            case .pending: return NotificationOfEvent(name: .customerKYCPending)
            case .approved: return NotificationOfEvent(name: .customerKYCSuccessful)
            case .rejected: return NotificationOfEvent(name: .customerKYCRejected)
            case .incomplete: return NotificationOfEvent(name: .customerUpdate)
            }
        }
    }
}
