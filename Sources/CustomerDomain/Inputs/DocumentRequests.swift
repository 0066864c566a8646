/// The metadata of an uploaded document. The HTTP layer recognises the MIME
/// type from the content and computes the SHA-256; the bytes stay outside the
/// event log, stored once by hash.
public struct DocumentUpload: Codable, Hashable, Sendable {
    public static let maximumFileSize = 15 * 1024 * 1024
    public static let acceptedMimeTypes = ["application/pdf", "image/jpeg", "image/png", "image/heic", "image/tiff"]

    public var targetId: String?
    public var target: DocumentTarget?
    public var documentType: DocumentType?
    public var country: String?
    public var side: DocumentSide?
    public var description: String?
    public var fileName: String?
    public var fileSize: Int?
    public var mimeType: String?
    public var sha256: String?

    public init(
        targetId: String? = nil,
        target: DocumentTarget? = nil,
        documentType: DocumentType? = nil,
        country: String? = nil,
        side: DocumentSide? = nil,
        description: String? = nil,
        fileName: String? = nil,
        fileSize: Int? = nil,
        mimeType: String? = nil,
        sha256: String? = nil
    ) {
        self.targetId = targetId
        self.target = target
        self.documentType = documentType
        self.country = country
        self.side = side
        self.description = description
        self.fileName = fileName
        self.fileSize = fileSize
        self.mimeType = mimeType
        self.sha256 = sha256
    }
}

/// `POST /v2/document/{id}/review`.
public struct DocumentReview: Codable, Hashable, Sendable {
    public var decision: DocumentReviewDecision?
    /// Why; required when the document is rejected, since it becomes the
    /// criterion's error detail.
    public var detail: String?

    public init(decision: DocumentReviewDecision? = nil, detail: String? = nil) {
        self.decision = decision
        self.detail = detail
    }
}

/// `POST …/verification-profiles/{name}/decision`.
public struct ProfileDecision: Codable, Hashable, Sendable {
    public var decision: ProfileDecisionKind?
    public var detail: String?

    public init(decision: ProfileDecisionKind? = nil, detail: String? = nil) {
        self.decision = decision
        self.detail = detail
    }
}
