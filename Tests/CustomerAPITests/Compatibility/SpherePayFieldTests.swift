import Foundation
import HTTPTypes
import JSON
import Testing

/// The fields SpherePay's current API adds, one row each: accepted and echoed, refused with a
/// pointer at the field, and never the tax number in any answer.
@Suite struct SpherePayFieldTests {
    struct PersonalField: CustomTestStringConvertible, Sendable {
        let name: String
        let good: String
        let bad: String
        var testDescription: String { name }
    }

    static let personalFields = [
        PersonalField(name: "gender", good: #""female""#, bad: #""   ""#),
        PersonalField(name: "nationality", good: #""GBR""#, bad: #""UK""#),
        PersonalField(name: "countryOfBirth", good: #""IRL""#, bad: #""XYZ""#),
        PersonalField(name: "residencyCountry", good: #""USA""#, bad: #""usa""#),
        PersonalField(name: "occupationSocCode", good: #""15-1252""#, bad: #""151252""#),
        PersonalField(name: "sourceOfFunds", good: #""salary""#, bad: #""""#),
    ]

    static func personalInformation(with field: String, _ value: String) -> String {
        #"{"firstName":"Jane","lastName":"Smith","dateOfBirth":"1990-04-12","taxIdentificationNumber":"123-45-6789","# +
            #""taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA","\#(field)":\#(value)}"#
    }

    @Test(arguments: personalFields)
    func aPersonalFieldIsTakenEchoedAndChecked(field: PersonalField) async throws {
        try await TestApplication.withDriver { api in
            let created = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(replacing: [
                "personalInformation": Self.personalInformation(with: field.name, field.good),
            ]))
            #expect(created.status == .created, "\(created.body)")
            let expected = JSONTree(json: Data(field.good.utf8))
            #expect(created.json["personalInformation"][field.name] == expected)
            #expect(created.json["dateOfBirth"].text == "1990-04-12")
            #expect(created.json["personalInformation"]["taxIdentificationNumberType"].text == "ssn")
            #expect(!created.body.contains("123-45-6789"), "the tax number is never shown")
            #expect(created.json["personalInformation"]["taxIdentificationNumber"] == .null)
            let read = try await api.send(.get, "/v2/customer/\(created.json["id"].text ?? "")", key: "reader")
            #expect(read.json == created.json)

            let refused = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(replacing: [
                "personalInformation": Self.personalInformation(with: field.name, field.bad),
            ]))
            #expect(refused.status == .unprocessableContent, "\(refused.body)")
            #expect(refused.pointers == ["/personalInformation/\(field.name)"])

            // A representative takes the same fields.
            let acme = try await api.createBusiness()
            let representative = try await api.send(.post, "/v2/business-representative", key: "writer", json: APIFixtures.representative(
                of: acme.id, ownership: "10", personalInformation: Self.personalInformation(with: field.name, field.good)))
            #expect(representative.status == .created, "\(representative.body)")
            #expect(representative.json["personalInformation"][field.name] == expected)
            #expect(!representative.body.contains("123-45-6789"))
        }
    }

    struct BusinessField: CustomTestStringConvertible, Sendable {
        let name: String
        let good: String
        let bad: String
        let pointer: String
        var testDescription: String { name }
    }

    static let businessFields = [
        BusinessField(name: "estimatedAnnualRevenueInUsd", good: #""2500000""#, bad: #""2.5M""#,
                      pointer: "/businessInformation/estimatedAnnualRevenueInUsd"),
        BusinessField(name: "expectedMonthlyPaymentsInUsd", good: #""40000""#, bad: #""-40""#,
                      pointer: "/businessInformation/expectedMonthlyPaymentsInUsd"),
        BusinessField(name: "regulatedActivities", good: #"["money_transmission","lending"]"#, bad: #"["lending",""]"#,
                      pointer: "/businessInformation/regulatedActivities/1"),
    ]

    @Test(arguments: businessFields)
    func aBusinessFieldIsTakenEchoedAndChecked(field: BusinessField) async throws {
        try await TestApplication.withDriver { api in
            let created = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.business(email: APIFixtures.uniqueEmail("acme"), adding: [field.name: field.good]))
            #expect(created.status == .created, "\(created.body)")
            #expect(created.json["businessInformation"][field.name] == (JSONTree(json: Data(field.good.utf8))))
            #expect(created.json["businessInformation"]["legalName"].text == "Acme Robotics Inc.")
            #expect(created.json["businessInformation"]["identificationNumber"] == .null, "the business's tax number is not shown")
            let refused = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.business(email: APIFixtures.uniqueEmail("acme"), adding: [field.name: field.bad]))
            #expect(refused.status == .unprocessableContent, "\(refused.body)")
            #expect(refused.pointers == [field.pointer])
        }
    }

    struct TaxCase: CustomTestStringConvertible, Sendable {
        let country: String
        let type: String
        let accepted: Bool
        var testDescription: String { "\(country) \(type)" }
    }

    /// The per-country table: a country in it takes its own types (and, but for USA and BRA, the
    /// universal ones); a country missing from it takes any type of the vocabulary.
    static let taxCases = [
        TaxCase(country: "USA", type: "ssn", accepted: true), TaxCase(country: "USA", type: "passport", accepted: false),
        TaxCase(country: "BRA", type: "cpf", accepted: true), TaxCase(country: "BRA", type: "national_id", accepted: false),
        TaxCase(country: "GBR", type: "nino", accepted: true), TaxCase(country: "GBR", type: "passport", accepted: true),
        TaxCase(country: "GBR", type: "cpf", accepted: false), TaxCase(country: "MEX", type: "rfc", accepted: true),
        TaxCase(country: "JPN", type: "cpf", accepted: true), TaxCase(country: "JPN", type: "tax_code", accepted: false),
    ]

    @Test(arguments: taxCases)
    func taxIdentificationTypesFollowTheCountryTable(tax: TaxCase) async throws {
        try await TestApplication.withDriver { api in
            let information = #"{"firstName":"Jane","lastName":"Smith","taxIdentificationNumber":"A1234567","# +
                #""taxIdentificationNumberType":"\#(tax.type)","taxIdentificationNumberCountry":"\#(tax.country)"}"#
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(replacing: [
                "personalInformation": information,
            ]))
            if tax.accepted {
                #expect(reply.status == .created, "\(reply.body)")
            } else {
                #expect([.badRequest, .unprocessableContent].contains(reply.status), "\(reply.body)")
                #expect(reply.pointers == ["/personalInformation/taxIdentificationNumberType"])
            }
        }
    }
}
