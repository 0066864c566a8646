import Foundation
import Testing
@testable import CustomerDomain

@Suite struct SeedExampleTests {
    @Test func creatingJaneSmithLeavesOnlyHerDocumentsRequired() throws {
        let events = try decide(
            .createIndividual(id: Fixtures.customerID, Fixtures.janeSmith),
            state: .initial, context: Fixtures.context
        )
        let state = fold(events)
        let profile = try #require(state.customer).verificationProfile

        #expect(profile.name == .kycProfileA)
        #expect(profile.status == .incomplete)
        #expect(profile.criteria.complete == ["email_address", "phone_number", "residential_address", "tax_identification_number"])
        #expect(profile.criteria.required == ["identity_document", "liveness_report_document"])
        #expect(profile.criteria.pending == [])
        #expect(profile.criteria.errors == [])
    }

    @Test func creationRecordsOneFactAndNoStatusChange() throws {
        let events = try decide(
            .createIndividual(id: Fixtures.customerID, Fixtures.janeSmith),
            state: .initial, context: Fixtures.context
        )
        #expect(events.map(\.type) == ["IndividualCustomerCreated"])
    }

    @Test func theSeedProfileRendersAsTheContractShowsIt() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(scenario.profile), as: UTF8.self)
        #expect(json == #"{"criteria":{"complete":["email_address","phone_number","residential_address","tax_identification_number"],"errors":[],"pending":[],"required":["identity_document","liveness_report_document"]},"name":"kyc_profile_a","status":"incomplete"}"#)
    }
}
