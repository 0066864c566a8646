/// Recording uploaded documents and their reviews.

/// The document types a target accepts: an individual's identity documents,
/// a business's corporate papers, or a representative's identity documents
/// and proof of address.
func acceptedDocumentTypes(for target: DocumentTarget, of customer: Customer) -> [DocumentType] {
    switch (target, customer.type) {
    case (.customer, .individual): DocumentType.forIndividuals
    case (.customer, .business): DocumentType.forBusinesses
    default: DocumentType.forRepresentatives
    }
}

func decideUpload(
    id: DocumentID, _ upload: DocumentUpload, for customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    if customer.document(id) != nil { throw .invalid("Document \(id) is already recorded.") }
    try upload.validate().check()
    guard let target = upload.target, let targetId = upload.targetId, let documentType = upload.documentType,
          let fileName = upload.fileName, let fileSize = upload.fileSize, let mimeType = upload.mimeType,
          let sha256 = upload.sha256
    else { throw .validationFailed([FieldProblem(pointer: "", detail: "the document metadata is incomplete")]) }

    switch target {
    case .businessRepresentative:
        guard customer.type == .business else {
            throw .invalid("Customer \(customer.id) is an individual and has no business representatives.")
        }
        guard let representativeID = RepresentativeID(rawValue: targetId), customer.representative(representativeID) != nil
        else { throw .notFound(.representative(RepresentativeID(unchecked: targetId))) }
    default:
        guard targetId == customer.id.rawValue else { throw .notFound(.customer(targetId)) }
    }

    let accepted = acceptedDocumentTypes(for: target, of: customer)
    guard accepted.contains(documentType.canonicalName) else {
        let owner = target == .customer ? "an \(customer.type.rawValue) customer" : "a business representative"
        throw .invalidRequest(
            detail: "The document type does not fit its target.",
            problems: [FieldProblem(
                pointer: "/documentType",
                detail: "\(documentType) does not fit \(owner); accepted: "
                    + accepted.map(\.rawValue).joined(separator: ", ")
            )]
        )
    }
    return [.documentUploaded(DocumentUploaded(
        documentId: id, target: target, targetId: targetId, documentType: documentType.canonicalName,
        documentTypeAsSent: documentType == documentType.canonicalName ? nil : documentType,
        country: upload.country.flatMap { CountryCode(rawValue: $0) }, side: upload.side, description: upload.description,
        fileName: fileName, fileSize: fileSize, mimeType: mimeType, sha256: sha256,
        uploadedAt: context.timestamp
    ))]
}

func decideReview(
    of id: DocumentID, _ review: DocumentReview, in customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    guard let document = customer.document(id) else { throw .notFound(.document(id)) }
    try review.validate().check()
    guard let decision = review.decision else {
        throw .validationFailed([FieldProblem(pointer: "/decision", detail: "is required")])
    }
    // A review is a decision about one file; a changed mind is a new upload.
    guard document.status == .pending else {
        throw .invalid("Document \(id) was already reviewed: it is \(document.status.rawValue).")
    }
    return [.documentReviewed(DocumentReviewed(
        documentId: id, decision: decision, detail: review.detail, reviewedBy: context.actor, reviewedAt: context.timestamp
    ))]
}
