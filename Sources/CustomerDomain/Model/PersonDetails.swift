/// What the log records about a person: names, date of birth, the tax identification trio
/// (number, type, country; a description for `other`) and the rest of the profile, as validated.
///
/// The personal fields (`PersonalField`) are text here, whatever their format on input: the log
/// stores them sealed, and they read `[erased]` once the customer's key is destroyed. Its JSON is
/// the request's shape, so events written before this type read as they are.
public struct PersonDetails: Codable, Hashable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var middleName: String?
    /// `YYYY-MM-DD` (validated before it was recorded).
    public var dateOfBirth: String?
    public var taxIdentificationNumber: String?
    public var taxIdentificationNumberType: TaxIdentificationNumberType?
    public var taxIdentificationNumberCountry: CountryCode?
    public var taxIdentificationNumberDescription: String?
    public var gender: String?
    /// The countries of a person's profile are personal data, sealed like the names, so they are
    /// text here (validated alpha-3 codes before they were recorded).
    public var nationality: String?
    public var countryOfBirth: String?
    public var residencyCountry: String?
    public var occupationSocCode: String?
    public var sourceOfFunds: String?

    public init(
        firstName: String? = nil, lastName: String? = nil, middleName: String? = nil, dateOfBirth: String? = nil,
        taxIdentificationNumber: String? = nil, taxIdentificationNumberType: TaxIdentificationNumberType? = nil,
        taxIdentificationNumberCountry: CountryCode? = nil, taxIdentificationNumberDescription: String? = nil,
        gender: String? = nil, nationality: String? = nil, countryOfBirth: String? = nil, residencyCountry: String? = nil,
        occupationSocCode: String? = nil, sourceOfFunds: String? = nil
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

    /// The details a validated request gives.
    public init(_ input: PersonalInformation) {
        self.init(
            firstName: input.firstName, lastName: input.lastName, middleName: input.middleName,
            dateOfBirth: input.dateOfBirth, taxIdentificationNumber: input.taxIdentificationNumber,
            taxIdentificationNumberType: input.taxIdentificationNumberType,
            taxIdentificationNumberCountry: input.taxIdentificationNumberCountry.flatMap { CountryCode(rawValue: $0) },
            taxIdentificationNumberDescription: input.taxIdentificationNumberDescription,
            gender: input.gender, nationality: input.nationality, countryOfBirth: input.countryOfBirth,
            residencyCountry: input.residencyCountry, occupationSocCode: input.occupationSocCode,
            sourceOfFunds: input.sourceOfFunds)
    }

    /// The same details as request input, for the checks a patch is validated with.
    public var asInput: PersonalInformation {
        PersonalInformation(
            firstName: firstName, lastName: lastName, middleName: middleName, dateOfBirth: dateOfBirth,
            taxIdentificationNumber: taxIdentificationNumber, taxIdentificationNumberType: taxIdentificationNumberType,
            taxIdentificationNumberCountry: taxIdentificationNumberCountry?.rawValue,
            taxIdentificationNumberDescription: taxIdentificationNumberDescription,
            gender: gender, nationality: nationality, countryOfBirth: countryOfBirth, residencyCountry: residencyCountry,
            occupationSocCode: occupationSocCode, sourceOfFunds: sourceOfFunds)
    }

    /// These details with every field that `patch` gives replaced.
    public func patched(with patch: PersonalInformation) -> PersonDetails {
        PersonDetails(asInput.patched(with: patch))
    }

    /// True when number, type and country are all given.
    public var hasTaxIdentification: Bool {
        taxIdentificationNumber != nil && taxIdentificationNumberType != nil && taxIdentificationNumberCountry != nil
    }

    public subscript(field: PersonalField) -> String? {
        get {
            switch field {
            case .firstName: firstName
            case .lastName: lastName
            case .middleName: middleName
            case .dateOfBirth: dateOfBirth
            case .taxIdentificationNumber: taxIdentificationNumber
            case .taxIdentificationNumberDescription: taxIdentificationNumberDescription
            case .gender: gender
            case .nationality: nationality
            case .countryOfBirth: countryOfBirth
            case .residencyCountry: residencyCountry
            case .occupationSocCode: occupationSocCode
            case .sourceOfFunds: sourceOfFunds
            default: nil
            }
        }
        set {
            switch field {
            case .firstName: firstName = newValue
            case .lastName: lastName = newValue
            case .middleName: middleName = newValue
            case .dateOfBirth: dateOfBirth = newValue
            case .taxIdentificationNumber: taxIdentificationNumber = newValue
            case .taxIdentificationNumberDescription: taxIdentificationNumberDescription = newValue
            case .gender: gender = newValue
            case .nationality: nationality = newValue
            case .countryOfBirth: countryOfBirth = newValue
            case .residencyCountry: residencyCountry = newValue
            case .occupationSocCode: occupationSocCode = newValue
            case .sourceOfFunds: sourceOfFunds = newValue
            default: break
            }
        }
    }

    /// The details with `transform` applied to every personal field that holds a value: how the
    /// service seals them for the log and opens them again.
    public func mappingPersonalFields(_ transform: (PersonalField, String) throws -> String) rethrows -> PersonDetails {
        var copy = self
        for field in PersonalField.personDetails {
            if let value = copy[field] { copy[field] = try transform(field, value) }
        }
        return copy
    }

    /// Every personal field that holds a value erased; the tax identification type and country
    /// say little about the person and stay.
    public var erased: PersonDetails {
        mappingPersonalFields { _, _ in PersonalData.erased }
    }

    /// True when the personal fields were erased.
    public var isErased: Bool {
        PersonalField.personDetails.contains { self[$0] == PersonalData.erased }
    }

    /// The tax identification number and its description hidden, for audit output; neither is
    /// ever shown anywhere.
    public var masked: PersonDetails {
        var copy = self
        for field in [PersonalField.taxIdentificationNumber, .taxIdentificationNumberDescription]
        where copy[field] != nil && copy[field] != PersonalData.erased {
            copy[field] = "***"
        }
        return copy
    }
}
