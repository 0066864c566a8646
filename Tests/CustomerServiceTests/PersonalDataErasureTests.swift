import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Personal fields are sealed in the log under a key per customer; forgetting destroys the key.
@Suite struct PersonalDataErasureTests {
    /// A person no other test uses: their values are looked for in raw rows.
    struct Person {
        let firstName = "Zed" + ServiceInputs.letters(8)
        let lastName = "Quill" + ServiceInputs.letters(8)
        let taxNumber = ServiceInputs.taxNumber()
        let dateOfBirth = "1971-03-17"
        let email = ServiceInputs.uniqueEmail("zed")

        var individual: NewIndividual {
            var body = ServiceInputs.janeSmith(email: email)
            body.personalInformation = PersonalInformation(
                firstName: firstName, lastName: lastName, dateOfBirth: dateOfBirth,
                taxIdentificationNumber: taxNumber, taxIdentificationNumberType: .ssn, taxIdentificationNumberCountry: "USA")
            return body
        }
    }

    func rawEvents(of customer: CustomerID, on pool: ConnectionPool) async throws -> [String] {
        try await pool.query(
            "SELECT data::text FROM events WHERE stream_id = $1 ORDER BY stream_version", [customer.rawValue]
        ).rows.map { try $0.decode(0) }
    }

    @Test func theLogHoldsPersonalFieldsOnlySealedWhileHistoryShowsThem() async throws {
        try await ServiceHarness.with { harness in
            let person = Person()
            let customer: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, person.individual), on: customer)
            try await harness.run(.updateIndividual(IndividualUpdate(personalInformation: PersonalInformation(middleName: "Orrin"))), on: customer)

            let raw = try await rawEvents(of: customer, on: harness.pool).joined(separator: "\n")
            for value in [person.firstName, person.lastName, person.taxNumber, person.dateOfBirth, "Orrin"] {
                #expect(!raw.contains(value), "\(value) in the log in plain text")
            }
            #expect(raw.contains("sealed:v1:"))

            let state = try await harness.foldedState(of: customer)
            #expect(state.customer?.personalInformation?.firstName == person.firstName)
            #expect(state.customer?.personalInformation?.taxIdentificationNumber == person.taxNumber)
            #expect(state.customer?.personalInformation?.middleName == "Orrin")
        }
    }

    @Test func forgettingErasesEveryEventsPersonalFieldsAndLeavesTheLogAsItWas() async throws {
        try await ServiceHarness.with { harness in
            let person = Person()
            let customer: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, person.individual), on: customer)
            try await harness.run(.recordDocumentUpload(id: ServiceInputs.fresh(), ServiceInputs.upload(.passport, for: customer.rawValue)), on: customer)
            let before = try await rawEvents(of: customer, on: harness.pool)

            let result = try await harness.run(.erasePersonalData, on: customer)
            #expect(result.appendedEvents == 1)

            let after = try await rawEvents(of: customer, on: harness.pool)
            #expect(Array(after.prefix(before.count)) == before, "earlier events are untouched")
            let wrappedKey = try await harness.pool.query(
                "SELECT wrapped_key IS NULL, destroyed_at IS NOT NULL FROM customer_keys WHERE customer_id = $1", [customer.rawValue])
            #expect(try wrappedKey.rows.map { [try $0.decode(0, as: Bool.self), try $0.decode(1, as: Bool.self)] } == [[true, true]])

            // History, time travel and the read model all show the fields erased.
            let history = try await harness.history.events(of: customer)
            #expect(history.map(\.type) == ["IndividualCustomerCreated", "DocumentUploaded", "PersonalDataErased"])
            let first = String(decoding: history[0].data, as: UTF8.self)
            #expect(first.contains(#""firstName":"[erased]""#))
            #expect(first.contains(#""taxIdentificationNumber":"[erased]""#))
            #expect(first.contains(#""dateOfBirth":"[erased]""#))
            #expect(first.contains(#""taxIdentificationNumberCountry":"USA""#))
            let asCreated = try await harness.history.state(of: customer, asOfVersion: 1)
            #expect(asCreated.customer?.personalInformation?.lastName == PersonalData.erased)
            #expect(asCreated.customer?.email == PersonalData.erased)
            #expect(asCreated.customer?.address?.line1 == PersonalData.erased)
            #expect(asCreated.customer?.address?.country.rawValue == "USA", "what is not personal stays")
            #expect(try await harness.readModelView(of: customer)?.firstName == PersonalData.erased)
            try await harness.expectReadModelsEqualFold(of: customer)
        }
    }

    /// A customer whose events were stored before sealing existed: its first command gives it a
    /// key, and forgetting it erases the plain fields of its old events too.
    @Test func eventsStoredBeforeSealingAreErasedToo() async throws {
        try await ServiceHarness.with { harness in
            let person = Person()
            let customer: CustomerID = ServiceInputs.fresh()
            let created = try decide(.createIndividual(id: customer, person.individual), state: .initial, context: CommandContext(now: Date()))
            try await harness.store.append(
                to: customer.rawValue, streamType: "customer", expectedVersion: .noStream,
                events: created.map(\.unsealedNewEvent), metadata: EventMetadata(actor: "legacy"))
            #expect(try await rawEvents(of: customer, on: harness.pool).joined().contains(person.taxNumber))
            #expect(try await harness.foldedState(of: customer).customer?.personalInformation?.lastName == person.lastName)

            try await harness.run(.updateIndividual(IndividualUpdate(address: ServiceInputs.chicago)), on: customer)
            try await harness.run(.erasePersonalData, on: customer)
            let history = try await harness.history.events(of: customer).map { String(decoding: $0.data, as: UTF8.self) }
            #expect(!history.joined().contains(person.taxNumber) && !history.joined().contains(person.lastName))
            #expect(history[0].contains(#""taxIdentificationNumber":"[erased]""#))
            #expect(try await harness.history.state(of: customer, asOfVersion: 1).customer?.personalInformation?.firstName == PersonalData.erased)
            try await harness.expectReadModelsEqualFold(of: customer)
        }
    }

    @Test func anErasedCustomerRefusesCommandsAndForgettingAgainRecordsNothing() async throws {
        try await ServiceHarness.with { harness in
            let customer: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, Person().individual), on: customer)
            try await harness.run(.erasePersonalData, on: customer)
            await #expect(throws: CustomerServiceError.self) {
                try await harness.run(.updateIndividual(IndividualUpdate(address: ServiceInputs.chicago)), on: customer)
            }
            #expect(try await harness.run(.erasePersonalData, on: customer).appendedEvents == 0)
        }
    }

    @Test func aStoredResponseGoesWithTheErasureAndItsKeyIsRefusedAfterwards() async throws {
        try await ServiceHarness.with { harness in
            let person = Person()
            let customer: CustomerID = ServiceInputs.fresh()
            let claim = IdempotencyClaim(key: TestDatabase.uniqueName("create"), requestHash: "h1")
            try await harness.run(.createIndividual(id: customer, person.individual), on: customer, idempotency: claim)
            try await harness.run(.erasePersonalData, on: customer)

            let stored = try await harness.pool.query(
                "SELECT response FROM command_log WHERE idempotency_key = $1", [claim.key]).rows.map { try $0.decode(0, as: String.self) }
            #expect(stored == [""])
            await #expect(throws: CustomerServiceError.self) {
                try await harness.run(.createIndividual(id: customer, person.individual), on: customer, idempotency: claim)
            }
        }
    }

    @Test func rebuildAndVerifyFoldErasedCustomersAsTheLiveModelsShowThem() async throws {
        try await ServiceHarness.with { harness in
            let customer: CustomerID = ServiceInputs.fresh()
            let business: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, Person().individual), on: customer)
            try await harness.run(.createBusiness(id: business, ServiceInputs.acme()), on: business)
            try await harness.run(.addRepresentative(id: ServiceInputs.fresh(), ServiceInputs.representative(named: "Ann", owning: "50")), on: business)
            try await harness.run(.erasePersonalData, on: customer)
            try await harness.run(.erasePersonalData, on: business)

            let differences = try await harness.projection.verify()
            #expect(differences == [], "\(differences)")
            try await harness.projection.rebuild()
            #expect(try await harness.readModelView(of: customer)?.lastName == PersonalData.erased)
            let representatives = try await harness.queries.representatives(of: business)
            #expect(representatives.allSatisfy { String(decoding: $0, as: UTF8.self).contains(#""firstName":"[erased]""#) })
            try await harness.expectReadModelsEqualFold(of: business)
        }
    }

    @Test func anotherMasterKeyIsRefused() async throws {
        try await ServiceHarness.with { harness in
            try await harness.vault.checkMasterKey(on: harness.store)
            let other = PersonalDataVault(masterKey: MasterKey.generate())
            await #expect(throws: PersonalDataError.masterKeyMismatch) { try await other.checkMasterKey(on: harness.store) }
            let customer: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: customer, Person().individual), on: customer)
            await #expect(throws: PersonalDataError.unreadableKey(customer: customer.rawValue)) {
                try await CustomerHistory(store: harness.store, vault: other).events(of: customer)
            }
        }
    }

    @Test(arguments: [
        ("", false), ("c2hvcnQ=", false), ("not base64 at all", false),
        (String(repeating: "A", count: 44), false), (String(repeating: "A", count: 43) + "=", true),
        (" " + String(repeating: "A", count: 43) + "=\n", true),
    ])
    func aMasterKeyIsThirtyTwoBytesOfBase64(text: String, valid: Bool) {
        #expect(((try? MasterKey(base64: text)) != nil) == valid)
    }
}
