/// A person's information as responses echo it: everything the request gave but the tax
/// identification number and its description, which are never shown anywhere.
public struct PersonalInformationView: Codable, Hashable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var middleName: String?
    public var dateOfBirth: String?
    public var taxIdentificationNumberType: TaxIdentificationNumberType?
    public var taxIdentificationNumberCountry: CountryCode?
    public var gender: String?
    public var nationality: String?
    public var countryOfBirth: String?
    public var residencyCountry: String?
    public var occupationSocCode: String?
    public var sourceOfFunds: String?

    public init(_ details: PersonDetails) {
        firstName = details.firstName
        lastName = details.lastName
        middleName = details.middleName
        dateOfBirth = details.dateOfBirth
        taxIdentificationNumberType = details.taxIdentificationNumberType
        taxIdentificationNumberCountry = details.taxIdentificationNumberCountry
        gender = details.gender
        nationality = details.nationality
        countryOfBirth = details.countryOfBirth
        residencyCountry = details.residencyCountry
        occupationSocCode = details.occupationSocCode
        sourceOfFunds = details.sourceOfFunds
    }
}

/// A business's information as responses echo it; the identification number (the business's
/// tax number) is left out like a person's.
public struct BusinessInformationView: Codable, Hashable, Sendable {
    public var legalName: String?
    public var tradeName: String?
    public var description: String?
    public var entityType: EntityType?
    public var naicsCode: String?
    public var website: String?
    public var incorporatedOn: CalendarDate?
    public var identificationNumberType: String?
    public var accountPurpose: String?
    public var primarySourceOfFunds: String?
    public var estimatedAnnualRevenueInUsd: String?
    public var expectedMonthlyPaymentsInUsd: String?
    public var regulatedActivities: [String]?

    public init(_ details: BusinessDetails) {
        legalName = details.legalName
        tradeName = details.tradeName
        description = details.description
        entityType = details.entityType
        naicsCode = details.naicsCode
        website = details.website
        incorporatedOn = details.incorporatedOn
        identificationNumberType = details.identificationNumberType
        accountPurpose = details.accountPurpose
        primarySourceOfFunds = details.primarySourceOfFunds
        estimatedAnnualRevenueInUsd = details.estimatedAnnualRevenueInUsd
        expectedMonthlyPaymentsInUsd = details.expectedMonthlyPaymentsInUsd
        regulatedActivities = details.regulatedActivities
    }
}
