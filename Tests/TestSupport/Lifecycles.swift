import CustomerDomain

/// Whole customer lifecycles as commands, for tests that need a customer with history.
public enum Lifecycles {
    /// Jane Smith from creation to an approved KYC profile.
    public static func individualApproval(of jane: CustomerID) -> [CustomerCommand] {
        let passport: DocumentID = ServiceInputs.fresh()
        let liveness: DocumentID = ServiceInputs.fresh()
        return [
            .createIndividual(id: jane, ServiceInputs.janeSmith()),
            .recordDocumentUpload(id: passport, ServiceInputs.upload(.passport, for: jane.rawValue)),
            .recordDocumentUpload(id: liveness, ServiceInputs.upload(.livenessReport, for: jane.rawValue)),
            .reviewDocument(id: passport, ServiceInputs.accepted),
            .reviewDocument(id: liveness, ServiceInputs.accepted),
            .decideProfile(.kycProfileA, subject: .customer(jane), ServiceInputs.approved),
        ]
    }

    /// The Acme Corporation with two owners, each approved on their documents, then approved itself.
    public static func businessApproval(of acme: CustomerID) -> [CustomerCommand] {
        let owners: [(RepresentativeID, NewRepresentative)] = [
            (ServiceInputs.fresh(), ServiceInputs.representative(named: "Ann", owning: "60")),
            (ServiceInputs.fresh(), ServiceInputs.representative(named: "Bob", owning: "40")),
        ]
        let corporate: [(DocumentID, DocumentType)] =
            [.incorporationCert, .shareholderRegistry, .proofOfAddress].map { (ServiceInputs.fresh(), $0) }
        var commands: [CustomerCommand] = [.createBusiness(id: acme, ServiceInputs.acme())]
        commands += owners.map { .addRepresentative(id: $0.0, $0.1) }
        commands += corporate.map { .recordDocumentUpload(id: $0.0, ServiceInputs.upload($0.1, for: acme.rawValue)) }
        for (owner, _) in owners {
            for type in [DocumentType.passport, .livenessReport, .proofOfAddress] {
                let document: DocumentID = ServiceInputs.fresh()
                commands.append(.recordDocumentUpload(
                    id: document, ServiceInputs.upload(type, for: owner.rawValue, target: .businessRepresentative)))
                commands.append(.reviewDocument(id: document, ServiceInputs.accepted))
            }
            commands.append(.decideProfile(.uboKycProfileA, subject: .representative(owner), ServiceInputs.approved))
        }
        commands += corporate.map { .reviewDocument(id: $0.0, ServiceInputs.accepted) }
        commands.append(.decideProfile(.kybProfileA, subject: .customer(acme), ServiceInputs.approved))
        return commands
    }
}
