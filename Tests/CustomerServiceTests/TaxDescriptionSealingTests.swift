import CustomerDomain
import CustomerService
import Foundation
import TestSupport
import Testing

/// The description of an `other` tax identification says as much as the number: it is sealed in
/// the log, masked in history and exports, and erased with the customer.
@Suite struct TaxDescriptionSealingTests {
    @Test func theTaxIdentificationDescriptionIsSealedMaskedAndErased() async throws {
        try await ServiceHarness.with { harness in
            let description = "Residence card " + ServiceInputs.letters(12)
            var individual = ServiceInputs.janeSmith()
            individual.address = Address(line1: "10 Downing St", city: "London", postalCode: "SW1A 2AA", country: "GBR")
            individual.personalInformation?.taxIdentificationNumberType = .other
            individual.personalInformation?.taxIdentificationNumberCountry = "GBR"
            individual.personalInformation?.taxIdentificationNumberDescription = description
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, individual), on: jane)

            let stored = try await harness.pool.query("SELECT string_agg(data::text, ' ') FROM events WHERE stream_id = $1", [jane.rawValue])
                .rows[0].decode(0, as: String.self)
            #expect(!stored.contains(description), "the description is in the log in plain text")

            let events = try await harness.history.events(of: jane)
            guard case .individualCustomerCreated(let created) = try events[0].decoded() else { throw Unexpected() }
            #expect(created.personalInformation?.taxIdentificationNumberDescription == description)
            let exported = ExportFormat.text(for: try events.map { try $0.masked() })
            #expect(!exported.contains(description))
            #expect(exported.contains(#""taxIdentificationNumberDescription":"***""#))

            try await harness.run(.erasePersonalData, on: jane)
            guard case .individualCustomerCreated(let erased) = try await harness.history.events(of: jane)[0].decoded() else { throw Unexpected() }
            #expect(erased.personalInformation?.taxIdentificationNumberDescription == PersonalData.erased)
        }
    }

    struct Unexpected: Error {}
}
