/// What a request says about a person: names, date of birth and the tax identification trio
/// (number, type, country; a description for `other`). The log records it as `PersonDetails`.
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

    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        middleName: String? = nil,
        dateOfBirth: String? = nil,
        taxIdentificationNumber: String? = nil,
        taxIdentificationNumberType: TaxIdentificationNumberType? = nil,
        taxIdentificationNumberCountry: String? = nil,
        taxIdentificationNumberDescription: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.middleName = middleName
        self.dateOfBirth = dateOfBirth
        self.taxIdentificationNumber = taxIdentificationNumber
        self.taxIdentificationNumberType = taxIdentificationNumberType
        self.taxIdentificationNumberCountry = taxIdentificationNumberCountry
        self.taxIdentificationNumberDescription = taxIdentificationNumberDescription
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
                ?? taxIdentificationNumberDescription
        )
    }
}
