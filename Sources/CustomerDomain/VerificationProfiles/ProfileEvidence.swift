/// What a profile's status rests on at the moment it changes: each document a criterion counts,
/// with its hash and who reviewed it, and, for a business, its representatives' statuses.
/// Recorded in every `VerificationProfileStatusChanged`, so the log itself answers an auditor's
/// "on what evidence?".
public struct ProfileEvidence: Codable, Hashable, Sendable {
    public var documents: [EvidenceDocument]
    public var representatives: [EvidenceRepresentative]?

    public init(documents: [EvidenceDocument], representatives: [EvidenceRepresentative]? = nil) {
        self.documents = documents
        self.representatives = representatives
    }
}

public struct EvidenceDocument: Codable, Hashable, Sendable {
    /// The criterion the document counts for.
    public var criterion: String
    public var documentId: DocumentID
    public var documentType: DocumentType
    public var sha256: String
    public var status: DocumentStatus
    /// The API key that reviewed it (nil while pending, and for reviews recorded before
    /// reviewers were).
    public var reviewedBy: String?
    public var reviewedAt: Timestamp?
}

public struct EvidenceRepresentative: Codable, Hashable, Sendable {
    public var representativeId: RepresentativeID
    public var profileStatus: ProfileStatus
}

extension Customer {
    /// The evidence of `subject`'s profile as the customer stands.
    public func evidence(of subject: ProfileSubject) -> ProfileEvidence {
        let byCriterion: [(criterion: String, documents: [Document])]
        switch subject {
        case .customer:
            switch type {
            case .individual: byCriterion = ProfileTables.kyc.evidence(personUnderReview)
            case .business: byCriterion = ProfileTables.kyb.evidence(self)
            }
        case .representative(let id):
            byCriterion = representative(id).map { ProfileTables.ubo.evidence(personUnderReview(of: $0)) } ?? []
        }
        let documents = byCriterion.flatMap { entry in
            entry.documents.map { document in
                EvidenceDocument(
                    criterion: entry.criterion, documentId: document.id, documentType: document.documentType,
                    sha256: document.sha256, status: document.status, reviewedBy: document.reviewedBy,
                    reviewedAt: document.reviewedAt)
            }
        }
        let representatives: [EvidenceRepresentative]? = if case .customer = subject, type == .business {
            self.representatives.map { EvidenceRepresentative(representativeId: $0.id, profileStatus: $0.profileStatus) }
        } else {
            nil
        }
        return ProfileEvidence(documents: documents, representatives: representatives)
    }

    /// The documents of `subject` a reviewer accepted.
    func acceptedDocuments(of subject: ProfileSubject) -> [Document] {
        let (target, id): (DocumentTarget, String) = switch subject {
        case .customer(let id): (.customer, id.rawValue)
        case .representative(let id): (.businessRepresentative, id.rawValue)
        }
        return documents(of: target, id: id).filter { $0.status == .accepted }
    }
}
