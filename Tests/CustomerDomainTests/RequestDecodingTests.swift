import Foundation
import Testing
@testable import CustomerDomain

@Suite struct RequestDecodingTests {
    @Test func aCreationBodyIsReadByItsType() throws {
        let body = Data(#"""
        {"type":"individual","email":"jane.smith@example.com","phone":"+14155550123",
         "address":{"line1":"233 S Wacker Dr","city":"Chicago","state":"IL","postalCode":"60601","country":"USA"},
         "personalInformation":{"firstName":"Jane","lastName":"Smith","taxIdentificationNumber":"123-45-6789",
         "taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"},
         "meta":{"crmId":"C-42","score":7,"vip":true,"note":null}}
        """#.utf8)
        guard case .individual(let individual) = try JSONDecoder().decode(NewCustomer.self, from: body) else {
            Issue.record("expected an individual")
            return
        }
        #expect(individual.address == Fixtures.chicago)
        #expect(individual.meta == ["crmId": .string("C-42"), "score": .number(7), "vip": .bool(true), "note": .null])
        #expect(individual.validate(now: Fixtures.now).isValid)
    }

    @Test func unknownWordsDecodeAndAreReportedByValidation() throws {
        let body = Data(#"""
        {"type":"business","email":"a@acme.example","phone":"+14155550100",
         "addresses":[{"type":"billing","line1":"1 Main St","city":"Leeds","country":"GBR"}],
         "businessInformation":{"entityType":"guild"},"meta":{"tags":["a"]}}
        """#.utf8)
        guard case .business(let business) = try JSONDecoder().decode(NewCustomer.self, from: body) else {
            Issue.record("expected a business")
            return
        }
        #expect(Outcome(business.validate(now: Fixtures.now)) == .failed("/addresses/0/type", "/businessInformation/entityType", "/meta/tags"))
    }

    @Test func aBodyWithoutATypeIsNotACustomer() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NewCustomer.self, from: Data(#"{"email":"a@b.co"}"#.utf8))
        }
    }
}
