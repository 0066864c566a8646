import CustomerDomain
import Foundation

/// Inputs for tests that run against the shared database: Jane Smith and the Acme Corporation
/// as the domain tests know them, but with fresh ids and emails, because every suite writes to
/// the same log and `customers` table at the same time.
public enum ServiceInputs {
    /// A new identifier from 16 random bytes.
    public static func fresh<ID: PrefixedIdentifier>(_: ID.Type = ID.self) -> ID {
        let bytes = (0..<ID.randomByteCount).map { _ in UInt8.random(in: .min ... .max) }
        // Sixteen bytes always make an identifier; the fallback is never taken.
        return ID(randomBytes: bytes) ?? ID(unchecked: ID.prefix)
    }

    /// An email address no other test uses.
    public static func uniqueEmail(_ name: String) -> String {
        "\(name).\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    public static let chicago = Address(
        line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606", country: "USA")

    public static func janeSmith(email: String = uniqueEmail("jane.smith")) -> NewIndividual {
        NewIndividual(
            email: email,
            phone: "+14155550123",
            address: chicago,
            personalInformation: PersonalInformation(
                firstName: "Jane", lastName: "Smith", dateOfBirth: "1990-04-12",
                taxIdentificationNumber: "123-45-6789", taxIdentificationNumberType: .ssn,
                taxIdentificationNumberCountry: "USA"))
    }

    public static func acme(email: String = uniqueEmail("finance")) -> NewBusiness {
        NewBusiness(
            email: email,
            phone: "+14155550100",
            addresses: [
                Address(type: .registered, line1: "1 Main St", city: "Wilmington", state: "DE", postalCode: "19801", country: "USA"),
                Address(type: .operating, line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606", country: "USA"),
            ],
            businessInformation: BusinessInformation(
                legalName: "Acme Corporation", tradeName: "Acme", entityType: .corporation, naicsCode: "541511",
                incorporatedOn: "2015-06-01", identificationNumberType: "ein", identificationNumber: "12-3456789"))
    }

    public static func representative(named firstName: String, owning percentage: String) -> NewRepresentative {
        NewRepresentative(
            email: uniqueEmail(firstName.lowercased()),
            phone: "+14155550111",
            address: chicago,
            personalInformation: PersonalInformation(
                firstName: firstName, lastName: "Doe", dateOfBirth: "1980-01-01",
                taxIdentificationNumber: "987-65-4321", taxIdentificationNumberType: .ssn,
                taxIdentificationNumberCountry: "USA"),
            representationDetails: RepresentationDetails(roles: [.ubo], ownershipPercentage: percentage))
    }

    public static func upload(_ type: DocumentType, for targetId: String, target: DocumentTarget = .customer) -> DocumentUpload {
        DocumentUpload(
            targetId: targetId, target: target, documentType: type,
            country: type.isGovernmentIssued ? "USA" : nil,
            fileName: "\(type.rawValue).pdf", fileSize: 48_213, mimeType: "application/pdf",
            sha256: String(repeating: "ab", count: 32))
    }

    public static let accepted = DocumentReview(decision: .accepted)
    public static let approved = ProfileDecision(decision: .approved)
}

extension ServiceInputs {
    /// `count` random letters, for names no other test uses.
    public static func letters(_ count: Int) -> String {
        String((0..<count).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
    }

    /// A random well-formed US social security number.
    public static func taxNumber() -> String {
        String(format: "%03d-%02d-%04d", Int.random(in: 100...665), Int.random(in: 10...99), Int.random(in: 1000...9999))
    }
}
