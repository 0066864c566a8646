import Crypto
import CustomerDomain
import Foundation

/// Seals and opens one customer's personal fields with AES-GCM under its data key. Each sealed
/// value is bound to its customer and field, so it cannot be moved to another field or customer.
/// Once the key is destroyed every personal value opens as erased, also one stored in plain text
/// before sealing existed.
struct CustomerCipher: Sendable {
    static let prefix = "sealed:v1:"

    let customer: String
    let key: PersonalDataVault.StoredKey

    /// The data key's bytes, while it exists.
    private var keyBytes: Data? { key.active }

    func seal(_ value: String, field: PersonalField) throws -> String {
        guard let key = keyBytes else { throw PersonalDataError.keyDestroyed(customer: customer) }
        let box = try AES.GCM.seal(Data(value.utf8), using: SymmetricKey(data: key), authenticating: associatedData(field))
        guard let combined = box.combined else { throw PersonalDataError.keyDestroyed(customer: customer) }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ stored: String, field: PersonalField) throws -> String {
        if case .destroyed = key { return PersonalData.erased }
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let key = keyBytes else { return PersonalData.erased }
        do {
            guard let combined = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))) else {
                throw PersonalDataError.unreadableField(customer: customer, field: field.rawValue)
            }
            let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: SymmetricKey(data: key), authenticating: associatedData(field))
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw PersonalDataError.unreadableField(customer: customer, field: field.rawValue)
        }
    }

    /// An uploaded file's bytes sealed, bound to the customer and the document.
    func seal(content: Data, of document: String) throws -> Data {
        guard let key = keyBytes else { throw PersonalDataError.keyDestroyed(customer: customer) }
        let box = try AES.GCM.seal(content, using: SymmetricKey(data: key), authenticating: Data("\(customer)/document/\(document)".utf8))
        guard let combined = box.combined else { throw PersonalDataError.keyDestroyed(customer: customer) }
        return combined
    }

    /// The bytes `seal(content:of:)` sealed; nil once the key is destroyed.
    func open(content: Data, of document: String) throws -> Data? {
        guard let key = keyBytes else { return nil }
        do {
            return try AES.GCM.open(
                AES.GCM.SealedBox(combined: content), using: SymmetricKey(data: key),
                authenticating: Data("\(customer)/document/\(document)".utf8))
        } catch {
            throw PersonalDataError.unreadableField(customer: customer, field: "document \(document)")
        }
    }

    private func associatedData(_ field: PersonalField) -> Data {
        Data("\(customer)/\(field.rawValue)".utf8)
    }

    /// The event with its personal fields sealed, as the log stores it: the one place an event's
    /// personal data is sealed.
    func sealed(_ event: CustomerEvent) throws -> CustomerEvent {
        try event.mappingPersonalFields { field, value in try seal(value, field: field) }
    }

    /// A stored event with its personal fields opened (plain, or `[erased]`).
    func opened(_ event: CustomerEvent) throws -> CustomerEvent {
        try event.mappingPersonalFields { field, value in try open(value, field: field) }
    }

    /// Decodes a stored event and opens its personal fields.
    func decode(type: String, schemaVersion: Int, data: Data) throws -> CustomerEvent {
        try opened(CustomerEvent.decode(type: type, schemaVersion: schemaVersion, data: data))
    }
}
