/// Applies one recorded fact to the state. Total and free of rules: every
/// rule was checked by `decide` before the fact was recorded, so replaying an
/// old stream never fails. A fact that cannot apply (no customer yet) leaves
/// the state as it is.
public func evolve(_ state: CustomerState, _ event: CustomerEvent) -> CustomerState {
    switch event {
    case .individualCustomerCreated(let created):
        return CustomerState(customer: Customer(
            id: created.customerId, type: .individual, email: created.email, phone: created.phone,
            address: created.address, personalInformation: created.personalInformation,
            addresses: [], businessInformation: nil, meta: created.meta,
            representatives: [], documents: [], profileStatus: .incomplete, identityFrozenAt: nil,
            personalDataErasedAt: nil, createdAt: created.createdAt, updatedAt: created.createdAt
        ))
    case .businessCustomerCreated(let created):
        return CustomerState(customer: Customer(
            id: created.customerId, type: .business, email: created.email, phone: created.phone,
            address: nil, personalInformation: nil,
            addresses: created.addresses, businessInformation: created.businessInformation, meta: created.meta,
            representatives: [], documents: [], profileStatus: .incomplete, identityFrozenAt: nil,
            personalDataErasedAt: nil, createdAt: created.createdAt, updatedAt: created.createdAt
        ))
    default:
        guard var customer = state.customer else { return state }
        customer.apply(event)
        customer.updatedAt = max(customer.updatedAt, event.occurredAt)
        return CustomerState(customer: customer)
    }
}

/// Folds `events` onto `state`, oldest first.
public func fold(_ events: some Sequence<CustomerEvent>, from state: CustomerState = .initial) -> CustomerState {
    events.reduce(state, evolve)
}

extension Customer {
    fileprivate mutating func apply(_ event: CustomerEvent) {
        switch event {
        case .individualCustomerCreated, .businessCustomerCreated:
            break
        case .individualCustomerUpdated(let updated):
            if let address = updated.address { self.address = address }
            if let information = updated.personalInformation { personalInformation = information }
            if let meta = updated.meta { self.meta = meta }
        case .businessRepresentativeAdded(let added):
            representatives.append(Representative(
                id: added.representativeId, type: added.type, email: added.email, phone: added.phone, address: added.address,
                personalInformation: added.personalInformation, representationDetails: added.representationDetails,
                profileStatus: .incomplete, identityFrozenAt: nil, createdAt: added.addedAt, updatedAt: added.addedAt
            ))
        case .businessRepresentativeUpdated(let updated):
            updateRepresentative(updated.representativeId, at: updated.updatedAt) { representative in
                if let email = updated.email { representative.email = email }
                if let phone = updated.phone { representative.phone = phone }
                if let address = updated.address { representative.address = address }
                if let information = updated.personalInformation { representative.personalInformation = information }
                if let details = updated.representationDetails { representative.representationDetails = details }
            }
        case .businessRepresentativeRemoved(let removed):
            representatives.removeAll { $0.id == removed.representativeId }
        case .documentUploaded(let uploaded):
            documents.append(Document(
                id: uploaded.documentId, target: uploaded.target, targetId: uploaded.targetId,
                documentType: uploaded.documentType, documentTypeAsSent: uploaded.documentTypeAsSent, country: uploaded.country, side: uploaded.side,
                description: uploaded.description, fileName: uploaded.fileName, fileSize: uploaded.fileSize,
                mimeType: uploaded.mimeType, sha256: uploaded.sha256, status: .pending, reviewDetail: nil,
                createdAt: uploaded.uploadedAt, reviewedAt: nil
            ))
        case .documentReviewed(let reviewed):
            guard let index = documents.firstIndex(where: { $0.id == reviewed.documentId }) else { return }
            documents[index].status = reviewed.decision == .accepted ? .accepted : .rejected
            documents[index].reviewDetail = reviewed.detail
            documents[index].reviewedBy = reviewed.reviewedBy
            documents[index].reviewedAt = reviewed.reviewedAt
        case .verificationProfileStatusChanged(let changed):
            let leavesIncomplete = changed.to != .incomplete
            switch changed.subject {
            case .customer:
                profileStatus = changed.to
                if leavesIncomplete, identityFrozenAt == nil { identityFrozenAt = changed.changedAt }
            case .representative(let id):
                updateRepresentative(id, at: changed.changedAt) { representative in
                    representative.profileStatus = changed.to
                    if leavesIncomplete, representative.identityFrozenAt == nil {
                        representative.identityFrozenAt = changed.changedAt
                    }
                }
            }
        case .legalHoldPlaced(let placed):
            legalHold = LegalHold(reason: placed.reason, since: placed.placedAt)
        case .legalHoldReleased:
            legalHold = nil
        case .personalDataErased(let erased):
            // Every personal field reads as a destroyed key opens it: `[erased]`.
            personalDataErasedAt = erased.erasedAt
            email = PersonalData.erased
            phone = PersonalData.erased
            address = address?.erased
            addresses = addresses.map(\.erased)
            personalInformation = personalInformation?.erased
            for index in representatives.indices {
                representatives[index].email = PersonalData.erased
                representatives[index].phone = PersonalData.erased
                representatives[index].address = representatives[index].address.erased
                representatives[index].personalInformation = representatives[index].personalInformation?.erased
            }
            for index in documents.indices {
                documents[index].fileName = PersonalData.erased
                documents[index].description = documents[index].description.map { _ in PersonalData.erased }
            }
        }
    }

    private mutating func updateRepresentative(
        _ id: RepresentativeID, at time: Timestamp, _ change: (inout Representative) -> Void
    ) {
        guard let index = representatives.firstIndex(where: { $0.id == id }) else { return }
        change(&representatives[index])
        representatives[index].updatedAt = max(representatives[index].updatedAt, time)
    }
}
