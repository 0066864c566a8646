/// The fields of events that identify a person. The service stores them sealed under a key of
/// the customer's own (`PersonDetails.mappingPersonalFields` is how), so destroying that key
/// erases them from every event at once (the log itself is never edited).
public enum PersonalField: String, CaseIterable, Hashable, Sendable {
    case firstName, lastName, middleName, dateOfBirth, taxIdentificationNumber, taxIdentificationNumberDescription
    case gender, nationality, countryOfBirth, residencyCountry, occupationSocCode, sourceOfFunds
    /// How to reach the customer or a representative.
    case email, phone
    /// The parts of an address that locate it (its country and type stay plain).
    case addressLine1, addressLine2, addressCity, addressState, addressPostalCode
    /// What an uploader called a document: a file name often names its person.
    case documentFileName, documentDescription

    /// The fields of `PersonDetails`.
    public static let personDetails: [PersonalField] = [
        .firstName, .lastName, .middleName, .dateOfBirth, .taxIdentificationNumber, .taxIdentificationNumberDescription,
        .gender, .nationality, .countryOfBirth, .residencyCountry, .occupationSocCode, .sourceOfFunds,
    ]
}

public enum PersonalData {
    /// What a personal field reads once the customer's data was erased.
    public static let erased = "[erased]"
}
