import CustomerDomain
import Foundation
import Testing
@testable import CustomerService

@Suite struct HistoryTests {
    @Test func theTaxNumberNeverAppearsInHistory() throws {
        let stream = try ReplayFixtures.janeStream()
        #expect(String(decoding: stream.events[0].data, as: UTF8.self).contains(ReplayFixtures.ssn))

        let entries = try History.entries(stream.events)
        let text = History.text(of: entries)
        let json = try ReplayJSON.text(entries)
        #expect(!text.contains(ReplayFixtures.ssn))
        #expect(!json.contains(ReplayFixtures.ssn))
        #expect(json.contains(#""taxIdentificationNumber":"***""#))
    }

    @Test func aRepresentativesTaxNumberIsMaskedToo() throws {
        let entries = try History.entries(try ReplayFixtures.acmeStream().events)
        #expect(!(try ReplayJSON.text(entries)).contains("987-65-4321"))
    }

    @Test func eachEventIsOneLineWithTimeActorTypeAndWhatChanged() throws {
        let entries = try History.entries(try ReplayFixtures.janeStream().events)
        let lines = History.text(of: entries).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == entries.count + 1)
        #expect(lines[0] == "v1  2026-03-09T20:46:31.305Z  ops-key  IndividualCustomerCreated  "
            + "address, createdAt, dateOfBirth, email, firstName, id, lastName, personalInformation, phone, type, kyc_profile_a (new) → incomplete")
        #expect(lines[3] == "v4  2026-03-09T20:48:33.305Z  ops-key  VerificationProfileStatusChanged  kyc_profile_a incomplete → pending")
        #expect(lines[4] == "v5  2026-03-09T20:49:34.305Z  reviewer-key  DocumentReviewed  \(ReplayFixtures.documentID(1).rawValue)/status")
        #expect(lines[6].hasSuffix("IndividualCustomerUpdated  address"))
    }

    @Test func entriesCarryTheCommandsMetadata() throws {
        let entries = try History.entries(try ReplayFixtures.janeStream().events)
        #expect(entries.map(\.version) == Array(1...7))
        #expect(entries[1].commandType == "RecordDocumentUpload")
        #expect(entries[1].requestId == "request-2")
        #expect(entries[1].position == 40_006)
        #expect(entries[4].actor == "reviewer-key")
    }
}
