import Foundation
@testable import CustomerDomain

/// Small, readable inputs shared by the tests.
enum Fixtures {
    /// 2026-03-09T20:46:31.305Z
    static let now = Date(timeIntervalSince1970: 1_773_089_191.305)
    static let context = CommandContext(now: now)

    static func later(_ seconds: Double) -> CommandContext {
        CommandContext(now: now.addingTimeInterval(seconds))
    }

    static func bytes(_ seed: UInt8) -> [UInt8] {
        (0..<16).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0) }
    }

    static let customerID = CustomerID(randomBytes: bytes(1))!
    static let businessID = CustomerID(randomBytes: bytes(2))!

    static func representativeID(_ seed: UInt8) -> RepresentativeID { RepresentativeID(randomBytes: bytes(seed))! }
    static func documentID(_ seed: UInt8) -> DocumentID { DocumentID(randomBytes: bytes(seed))! }

    static let chicago = Address(
        line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60601", country: "USA"
    )

    static let janeSmith = NewIndividual(
        email: "jane.smith@example.com",
        phone: "+14155550123",
        address: chicago,
        personalInformation: PersonalInformation(
            firstName: "Jane", lastName: "Smith", dateOfBirth: "1990-04-12",
            taxIdentificationNumber: "123-45-6789", taxIdentificationNumberType: .ssn,
            taxIdentificationNumberCountry: "USA"
        )
    )

    static let acme = NewBusiness(
        email: "finance@acme.example",
        phone: "+14155550100",
        addresses: [
            Address(type: .registered, line1: "1 Main St", city: "Wilmington", state: "DE", postalCode: "19801", country: "USA"),
            Address(type: .operating, line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60601", country: "USA"),
        ],
        businessInformation: BusinessInformation(
            legalName: "Acme Corporation", tradeName: "Acme", entityType: .corporation, naicsCode: "541511",
            incorporatedOn: "2015-06-01", identificationNumberType: "ein", identificationNumber: "12-3456789"
        )
    )

    static func representative(named firstName: String, owning percentage: String) -> NewRepresentative {
        NewRepresentative(
            email: "\(firstName.lowercased())@acme.example",
            phone: "+14155550111",
            address: chicago,
            personalInformation: PersonalInformation(
                firstName: firstName, lastName: "Doe", dateOfBirth: "1980-01-01",
                taxIdentificationNumber: "987-65-4321", taxIdentificationNumberType: .ssn,
                taxIdentificationNumberCountry: "USA"
            ),
            representationDetails: RepresentationDetails(roles: [.ubo], ownershipPercentage: percentage)
        )
    }

    static func upload(_ type: DocumentType, for targetId: String, target: DocumentTarget = .customer) -> DocumentUpload {
        DocumentUpload(
            targetId: targetId, target: target, documentType: type,
            country: type.isGovernmentIssued ? "USA" : nil,
            fileName: "\(type.rawValue).pdf", fileSize: 48_213, mimeType: "application/pdf",
            sha256: String(repeating: "ab", count: 32)
        )
    }
}

/// Runs commands one after another, keeping the state and every event.
struct Scenario {
    var state = CustomerState.initial
    var events: [CustomerEvent] = []
    var clock: Double = 0

    @discardableResult
    mutating func run(_ command: CustomerCommand, by actor: String? = nil, fourEyes: Bool = true) throws(CustomerError) -> [CustomerEvent] {
        clock += 1
        var context = Fixtures.later(clock)
        context.actor = actor
        context.fourEyes = fourEyes
        let emitted = try decide(command, state: state, context: context)
        state = fold(emitted, from: state)
        events += emitted
        return emitted
    }

    var customer: Customer { state.customer! }
    var profile: VerificationProfile { customer.verificationProfile }

    func profile(of id: RepresentativeID) -> VerificationProfile {
        customer.verificationProfile(of: .representative(id))!
    }
}
