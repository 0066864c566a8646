import Foundation
import Testing
@testable import CustomerDomain

/// A cipher whose stored form is visible: `sealed(<field>:<reversed value>)`.
private struct ReversingCipher {
    var erased = false

    func seal(_ value: String, field: PersonalField) throws -> String {
        "sealed(\(field.rawValue):\(String(value.reversed())))"
    }

    func open(_ stored: String, field: PersonalField) throws -> String {
        let prefix = "sealed(\(field.rawValue):"
        guard stored.hasPrefix(prefix), stored.hasSuffix(")") else { return stored }
        return erased ? PersonalData.erased : String(stored.dropFirst(prefix.count).dropLast().reversed())
    }
}

@Suite struct PersonalDataTests {
    func janeCreated() throws -> CustomerEvent {
        try #require(try decide(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith), state: .initial, context: Fixtures.context).first)
    }

    /// The event as the log would store it, its personal fields sealed by `cipher`.
    private func stored(_ event: CustomerEvent, _ cipher: ReversingCipher) throws -> (type: String, schemaVersion: Int, data: Data) {
        try event.mappingPersonalFields { try cipher.seal($1, field: $0) }.encoded()
    }

    private func opened(_ stored: (type: String, schemaVersion: Int, data: Data), _ cipher: ReversingCipher) throws -> CustomerEvent {
        try CustomerEvent.decode(type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data)
            .mappingPersonalFields { try cipher.open($1, field: $0) }
    }

    @Test(arguments: [
        // (JSON member, personal field, value)
        ("firstName", "firstName", "Jane"), ("lastName", "lastName", "Smith"), ("dateOfBirth", "dateOfBirth", "1990-04-12"),
        ("taxIdentificationNumber", "taxIdentificationNumber", "123-45-6789"), ("email", "email", "jane.smith@example.com"),
        ("phone", "phone", "+14155550123"), ("line1", "addressLine1", "233 S Wacker Dr"), ("city", "addressCity", "Chicago"),
        ("postalCode", "addressPostalCode", "60601"),
    ])
    func aPersonalFieldIsStoredOnlySealed(member: String, field: String, value: String) throws {
        let json = String(decoding: try stored(janeCreated(), ReversingCipher()).data, as: UTF8.self)
        #expect(json.contains(#""\#(member)":"sealed(\#(field):\#(String(value.reversed())))""#), "\(json)")
        #expect(!json.contains(#""\#(value)""#))
    }

    @Test(arguments: [("taxIdentificationNumberType", "ssn"), ("taxIdentificationNumberCountry", "USA"), ("country", "USA")])
    func otherFieldsStayPlain(field: String, value: String) throws {
        let json = String(decoding: try stored(janeCreated(), ReversingCipher()).data, as: UTF8.self)
        #expect(json.contains(#""\#(field)":"\#(value)""#))
    }

    @Test func openingWhatWasSealedGivesTheSameEvent() throws {
        let event = try janeCreated()
        #expect(try opened(try stored(event, ReversingCipher()), ReversingCipher()) == event)
    }

    @Test func withoutItsKeyASealedFieldReadsErased() throws {
        let decoded = try opened(try stored(janeCreated(), ReversingCipher()), ReversingCipher(erased: true))
        guard case .individualCustomerCreated(let created) = decoded else { Issue.record("decoded \(decoded.type)"); return }
        let information = try #require(created.personalInformation)
        #expect(information == PersonDetails(
            firstName: "[erased]", lastName: "[erased]", dateOfBirth: "[erased]", taxIdentificationNumber: "[erased]",
            taxIdentificationNumberType: .ssn, taxIdentificationNumberCountry: "USA"))
    }

    @Test func erasureRecordsOneEventAndErasesTheCustomerAndItsRepresentatives() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        try scenario.run(.addRepresentative(id: Fixtures.representativeID(9), Fixtures.representative(named: "Ann", owning: "40")))
        let statusBefore = scenario.customer.representatives[0].profileStatus
        let events = try scenario.run(.erasePersonalData)
        #expect(events.map(\.type) == ["PersonalDataErased"])
        #expect(scenario.customer.personalDataErasedAt != nil)
        let representative = try #require(scenario.customer.representatives.first)
        #expect(representative.personalInformation?.firstName == PersonalData.erased)
        #expect(representative.personalInformation?.taxIdentificationNumber == PersonalData.erased)
        #expect(representative.personalInformation?.taxIdentificationNumberCountry == "USA")
        #expect(representative.profileStatus == statusBefore, "erasure moves no profile")
        #expect(scenario.customer.businessInformation?.legalName == "Acme Corporation", "a business's own data is not personal")
    }

    @Test func erasingTwiceRecordsNothingTheSecondTime() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        try scenario.run(.erasePersonalData)
        #expect(try scenario.run(.erasePersonalData).isEmpty)
    }

    @Test func erasingAnUnknownCustomerIsNotFound() {
        #expect(throws: CustomerError.notFound(.customer(nil))) {
            try decide(.erasePersonalData, state: .initial, context: Fixtures.context)
        }
    }

    @Test(arguments: [
        CustomerCommand.updateIndividual(IndividualUpdate(address: Fixtures.chicago)),
        .recordDocumentUpload(id: Fixtures.documentID(3), Fixtures.upload(.passport, for: Fixtures.customerID.rawValue)),
        .decideProfile(.kycProfileA, subject: .customer(Fixtures.customerID), ProfileDecision(decision: .rejected)),
    ])
    func anErasedCustomerTakesNoMoreCommands(command: CustomerCommand) throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        try scenario.run(.erasePersonalData)
        #expect(throws: CustomerError.self) { try scenario.run(command) }
        do {
            try scenario.run(command)
        } catch {
            #expect(error.code == "request/invalid")
            #expect(error.detail.contains("erased"))
        }
    }

    @Test func maskingLeavesAnErasedTaxNumberErased() {
        let erased = PersonDetails(taxIdentificationNumber: "123-45-6789").erased
        #expect(erased.masked.taxIdentificationNumber == PersonalData.erased)
        #expect(PersonDetails(taxIdentificationNumber: "123-45-6789").masked.taxIdentificationNumber == "***")
    }
}
