import Crypto
import CustomerDomain
import Foundation

/// Seals and opens one customer's personal fields with AES-GCM under its data key. Each sealed
/// value is bound to its customer and field, so it cannot be moved to another field or customer.
/// Without a key (destroyed) sealed values open as erased.
struct CustomerCipher: PersonalDataCipher {
    static let prefix = "sealed:v1:"

    let customer: String
    /// The data key's bytes; nil once destroyed.
    let key: Data?

    func seal(_ value: String, field: PersonalField) throws -> String {
        guard let key else { throw PersonalDataError.keyDestroyed(customer: customer) }
        let box = try AES.GCM.seal(Data(value.utf8), using: SymmetricKey(data: key), authenticating: associatedData(field))
        guard let combined = box.combined else { throw PersonalDataError.keyDestroyed(customer: customer) }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ stored: String, field: PersonalField) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let key else { return PersonalData.erased }
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

    private func associatedData(_ field: PersonalField) -> Data {
        Data("\(customer)/\(field.rawValue)".utf8)
    }
}
