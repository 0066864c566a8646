/// The criteria of each profile, as the contract lists them.
public enum ProfileTables {
    static let emailAddress = Criterion<PersonUnderReview>("email_address") { presence(!$0.email.isEmpty) }
    static let phoneNumber = Criterion<PersonUnderReview>("phone_number") { presence(!$0.phone.isEmpty) }
    static let residentialAddress = Criterion<PersonUnderReview>("residential_address") { presence($0.address != nil) }
    static let taxIdentificationNumber = Criterion<PersonUnderReview>("tax_identification_number") {
        presence($0.personalInformation?.hasTaxIdentification ?? false)
    }
    static let identityDocument = Criterion<PersonUnderReview>("identity_document") {
        documentCriterionState($0.documents, fitting: DocumentType.governmentIssued)
    }
    static let livenessReportDocument = Criterion<PersonUnderReview>("liveness_report_document") {
        documentCriterionState($0.documents, fitting: [.livenessReport])
    }

    /// Individuals.
    public static let kyc = CriteriaTable<PersonUnderReview>(profile: .kycProfileA, criteria: [
        emailAddress, phoneNumber, residentialAddress, taxIdentificationNumber,
        identityDocument, livenessReportDocument,
    ])

    /// Business representatives (ultimate beneficial owners and other roles).
    public static let ubo = CriteriaTable<PersonUnderReview>(profile: .uboKycProfileA, criteria: [
        emailAddress, phoneNumber, residentialAddress, taxIdentificationNumber,
        Criterion("representation_details") { person in
            // Roles say what the person is to the business; an owner must also say how much it owns.
            guard let details = person.representationDetails, !details.roles.isEmpty else { return .required }
            return presence(!details.roles.contains(.ubo) || details.ownershipBasisPoints != nil)
        },
        identityDocument, livenessReportDocument,
        Criterion("proof_of_address_document") { documentCriterionState($0.documents, fitting: [.proofOfAddress]) },
    ])

    /// Businesses.
    public static let kyb = CriteriaTable<Customer>(profile: .kybProfileA, criteria: [
        Criterion("email_address") { presence(!$0.email.isEmpty) },
        Criterion("phone_number") { presence(!$0.phone.isEmpty) },
        Criterion("registered_address") { business in presence(business.addresses.contains { $0.type == .registered }) },
        Criterion("operating_address") { business in presence(business.addresses.contains { $0.type == .operating }) },
        Criterion("business_information") { business in
            guard let info = business.businessInformation else { return .required }
            return presence(
                info.legalName != nil && info.entityType != nil && info.identificationNumber != nil
                    && info.identificationNumberType != nil && info.incorporatedOn != nil
            )
        },
        Criterion("incorporation_certificate_document") { businessDocumentState($0, .incorporationCert) },
        Criterion("shareholder_registry_document") { businessDocumentState($0, .shareholderRegistry) },
        Criterion("proof_of_address_document") { businessDocumentState($0, .proofOfAddress) },
        Criterion("business_representatives") { business in
            if business.representatives.isEmpty { return .required }
            return business.representatives.allSatisfy { $0.profileStatus == .approved } ? .complete : .pending
        },
    ])

    private static func businessDocumentState(_ business: Customer, _ type: DocumentType) -> CriterionState {
        documentCriterionState(business.documents(of: .customer, id: business.id.rawValue), fitting: [type])
    }
}
