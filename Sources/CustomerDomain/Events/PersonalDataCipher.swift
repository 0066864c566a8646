import Foundation

/// The fields of events that identify a person. They are stored sealed under a key of the
/// customer's own, so destroying that key erases them from every event at once (the log itself
/// is never edited).
public enum PersonalField: String, CaseIterable, Hashable, Sendable {
    case firstName, lastName, middleName, dateOfBirth, taxIdentificationNumber, taxIdentificationNumberDescription
}

/// Seals personal fields as events are encoded, and opens them as events are decoded. The
/// domain knows which fields are personal; the cipher and its keys live outside it.
public protocol PersonalDataCipher: Sendable {
    /// The stored form of `value`.
    func seal(_ value: String, field: PersonalField) throws -> String
    /// The value `stored` holds: the plain value, or `PersonalData.erased` when the key that
    /// sealed it was destroyed. Values stored before sealing existed come back as they are.
    func open(_ stored: String, field: PersonalField) throws -> String
}

public enum PersonalData {
    /// What a personal field reads once the customer's data was erased.
    public static let erased = "[erased]"

    static let cipherKey = CodingUserInfoKey(rawValue: "customers.personalDataCipher")!
}

extension Encoder {
    var personalDataCipher: (any PersonalDataCipher)? { userInfo[PersonalData.cipherKey] as? any PersonalDataCipher }
}

extension Decoder {
    var personalDataCipher: (any PersonalDataCipher)? { userInfo[PersonalData.cipherKey] as? any PersonalDataCipher }
}
