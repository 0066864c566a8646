/// What a request says about a person: names, date of birth, the tax identification trio
/// (number, type, country; a description for `other`) and the profile SpherePay also collects
/// (gender, nationality, countries of birth and residence, occupation, source of funds). The log
/// records it as `PersonDetails`.
public struct PersonalInformation: Codable, Hashable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var middleName: String?
    /// `YYYY-MM-DD`, a day in the past.
    public var dateOfBirth: String?
    public var taxIdentificationNumber: String?
    public var taxIdentificationNumberType: TaxIdentificationNumberType?
    public var taxIdentificationNumberCountry: String?
    public var taxIdentificationNumberDescription: String?
    public var gender: String?
    /// ISO 3166-1 alpha-3, like the other countries below.
    public var nationality: String?
    public var countryOfBirth: String?
    public var residencyCountry: String?
    /// A Standard Occupational Classification code, `NN-NNNN`.
    public var occupationSocCode: String?
    public var sourceOfFunds: String?

    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        middleName: String? = nil,
        dateOfBirth: String? = nil,
        taxIdentificationNumber: String? = nil,
        taxIdentificationNumberType: TaxIdentificationNumberType? = nil,
        taxIdentificationNumberCountry: String? = nil,
        taxIdentificationNumberDescription: String? = nil,
        gender: String? = nil,
        nationality: String? = nil,
        countryOfBirth: String? = nil,
        residencyCountry: String? = nil,
        occupationSocCode: String? = nil,
        sourceOfFunds: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.middleName = middleName
        self.dateOfBirth = dateOfBirth
        self.taxIdentificationNumber = taxIdentificationNumber
        self.taxIdentificationNumberType = taxIdentificationNumberType
        self.taxIdentificationNumberCountry = taxIdentificationNumberCountry
        self.taxIdentificationNumberDescription = taxIdentificationNumberDescription
        self.gender = gender
        self.nationality = nationality
        self.countryOfBirth = countryOfBirth
        self.residencyCountry = residencyCountry
        self.occupationSocCode = occupationSocCode
        self.sourceOfFunds = sourceOfFunds
    }

    /// True when any of the tax identification fields is given.
    public var mentionsTaxIdentification: Bool {
        taxIdentificationNumber != nil || taxIdentificationNumberType != nil
            || taxIdentificationNumberCountry != nil || taxIdentificationNumberDescription != nil
    }

    /// True when number, type and country are all given.
    public var hasTaxIdentification: Bool {
        taxIdentificationNumber != nil && taxIdentificationNumberType != nil && taxIdentificationNumberCountry != nil
    }

    /// This information with every field that `patch` gives replaced.
    public func patched(with patch: PersonalInformation) -> PersonalInformation {
        PersonalInformation(
            firstName: patch.firstName ?? firstName,
            lastName: patch.lastName ?? lastName,
            middleName: patch.middleName ?? middleName,
            dateOfBirth: patch.dateOfBirth ?? dateOfBirth,
            taxIdentificationNumber: patch.taxIdentificationNumber ?? taxIdentificationNumber,
            taxIdentificationNumberType: patch.taxIdentificationNumberType ?? taxIdentificationNumberType,
            taxIdentificationNumberCountry: patch.taxIdentificationNumberCountry ?? taxIdentificationNumberCountry,
            taxIdentificationNumberDescription: patch.taxIdentificationNumberDescription
                ?? taxIdentificationNumberDescription,
            gender: patch.gender ?? gender,
            nationality: patch.nationality ?? nationality,
            countryOfBirth: patch.countryOfBirth ?? countryOfBirth,
            residencyCountry: patch.residencyCountry ?? residencyCountry,
            occupationSocCode: patch.occupationSocCode ?? occupationSocCode,
            sourceOfFunds: patch.sourceOfFunds ?? sourceOfFunds
        )
    }
}
