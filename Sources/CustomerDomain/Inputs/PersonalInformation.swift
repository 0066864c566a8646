/// What is known about a person: names, date of birth and the tax
/// identification trio (number, type, country; a description for `other`).
///
/// Its personal fields pass through the encoder's or decoder's `PersonalDataCipher` when one is
/// set, so events hold them sealed while views and requests hold them plain.
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

    /// The same information with every personal field that holds a value erased; the tax
    /// identification type and country say little about the person and stay.
    public var erased: PersonalInformation {
        var copy = self
        for field in PersonalField.allCases where copy[field] != nil { copy[field] = PersonalData.erased }
        return copy
    }

    /// True when the personal fields were erased.
    public var isErased: Bool {
        PersonalField.allCases.contains { self[$0] == PersonalData.erased }
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
            }
        }
    }

    /// The same information with the tax identification number and its description hidden, for
    /// audit output; neither is ever shown anywhere.
    public var masked: PersonalInformation {
        var copy = self
        for field in [PersonalField.taxIdentificationNumber, .taxIdentificationNumberDescription]
        where copy[field] != nil && copy[field] != PersonalData.erased {
            copy[field] = "***"
        }
        return copy
    }
}

extension PersonalInformation {
    private enum CodingKeys: String, CodingKey {
        case firstName, lastName, middleName, dateOfBirth, taxIdentificationNumber
        case taxIdentificationNumberType, taxIdentificationNumberCountry, taxIdentificationNumberDescription
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let cipher = decoder.personalDataCipher
        func personal(_ key: CodingKeys, _ field: PersonalField) throws -> String? {
            guard let stored = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            return try cipher?.open(stored, field: field) ?? stored
        }
        self.init(
            firstName: try personal(.firstName, .firstName),
            lastName: try personal(.lastName, .lastName),
            middleName: try personal(.middleName, .middleName),
            dateOfBirth: try personal(.dateOfBirth, .dateOfBirth),
            taxIdentificationNumber: try personal(.taxIdentificationNumber, .taxIdentificationNumber),
            taxIdentificationNumberType: try container.decodeIfPresent(TaxIdentificationNumberType.self, forKey: .taxIdentificationNumberType),
            taxIdentificationNumberCountry: try container.decodeIfPresent(String.self, forKey: .taxIdentificationNumberCountry),
            taxIdentificationNumberDescription: try personal(.taxIdentificationNumberDescription, .taxIdentificationNumberDescription))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let cipher = encoder.personalDataCipher
        func personal(_ value: String?, _ key: CodingKeys, _ field: PersonalField) throws {
            guard let value else { return }
            try container.encode(try cipher?.seal(value, field: field) ?? value, forKey: key)
        }
        try personal(firstName, .firstName, .firstName)
        try personal(lastName, .lastName, .lastName)
        try personal(middleName, .middleName, .middleName)
        try personal(dateOfBirth, .dateOfBirth, .dateOfBirth)
        try personal(taxIdentificationNumber, .taxIdentificationNumber, .taxIdentificationNumber)
        try container.encodeIfPresent(taxIdentificationNumberType, forKey: .taxIdentificationNumberType)
        try container.encodeIfPresent(taxIdentificationNumberCountry, forKey: .taxIdentificationNumberCountry)
        try personal(taxIdentificationNumberDescription, .taxIdentificationNumberDescription, .taxIdentificationNumberDescription)
    }
}
