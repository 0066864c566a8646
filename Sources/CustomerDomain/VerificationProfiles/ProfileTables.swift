/// The criteria of each profile, as the contract lists them.
public enum ProfileTables {
    static let emailAddress = Criterion<PersonUnderReview>("email_address") { presence(!$0.email.isEmpty) }
    static let phoneNumber = Criterion<PersonUnderReview>("phone_number") { presence(!$0.phone.isEmpty) }
    static let residentialAddress = Criterion<PersonUnderReview>("residential_address") { presence($0.address != nil) }
    static let taxIdentificationNumber = Criterion<PersonUnderReview>("tax_identification_number") {
        presence($0.personalInformation?.hasTaxIdentification ?? false)
    }
    static let identityDocument = Criterion<PersonUnderReview>.document(
        "identity_document", fitting: DocumentType.governmentIssued, of: \.documents)
    static let livenessReportDocument = Criterion<PersonUnderReview>.document(
        "liveness_report_document", fitting: [.livenessReport], of: \.documents)

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
        Criterion.document("proof_of_address_document", fitting: [.proofOfAddress], of: \.documents),
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
        Criterion.document("incorporation_certificate_document", fitting: [.incorporationCert], of: businessDocuments),
        Criterion.document("shareholder_registry_document", fitting: [.shareholderRegistry], of: businessDocuments),
        Criterion.document("proof_of_address_document", fitting: [.proofOfAddress], of: businessDocuments),
        Criterion("business_representatives") { business in
            if business.representatives.isEmpty { return .required }
            return business.representatives.allSatisfy { $0.profileStatus == .approved } ? .complete : .pending
        },
    ])

    @Sendable private static func businessDocuments(_ business: Customer) -> [Document] {
        business.documents(of: .customer, id: business.id.rawValue)
    }

    /// Raised whenever a rule's logic changes; the criteria's names and document types are in
    /// `rulesText` already, so a change to those shows without it.
    static let revision = 1

    /// The rules as text: what a status change's `rulesVersion` (its SHA-256) identifies. Two
    /// decisions with the same rules version were made by the same tables.
    public static let rulesText: String =
        "customers verification rules, revision \(revision)\n" + [kyc.text, kyb.text, ubo.text].joined(separator: "\n") + "\n"
}
