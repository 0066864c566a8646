import JSON
import Testing
@testable import CustomerDomain

@Suite struct IndividualValidationTests {
    static let cases: [Case<NewIndividual>] = [
        Case("the seed example is valid", .valid) { _ in },
        Case("email of 254 characters is accepted", .valid) { $0.email = email(ofLength: 254) },
        Case("email of 255 characters is refused", .failed("/email")) { $0.email = email(ofLength: 255) },
        Case("email without a domain is refused", .failed("/email")) { $0.email = "jane.smith@" },
        Case("email without an at sign is refused", .failed("/email")) { $0.email = "jane.smith.example.com" },
        Case("email with two at signs is refused", .failed("/email")) { $0.email = "jane@smith@example.com" },
        Case("email with a space is refused", .failed("/email")) { $0.email = "jane smith@example.com" },
        Case("email with a plus tag is accepted", .valid) { $0.email = "jane+kyc@example.co.uk" },
        Case("missing email is refused", .failed("/email")) { $0.email = nil },
        Case("phone with 7 digits is accepted", .valid) { $0.phone = "+1234567" },
        Case("phone with 6 digits is refused", .failed("/phone")) { $0.phone = "+123456" },
        Case("phone with 15 digits is accepted", .valid) { $0.phone = "+123456789012345" },
        Case("phone with 16 digits is refused", .failed("/phone")) { $0.phone = "+1234567890123456" },
        Case("phone without a plus is refused", .failed("/phone")) { $0.phone = "14155550123" },
        Case("phone with spaces is refused", .failed("/phone")) { $0.phone = "+1 415 555 0123" },
        Case("missing address is refused", .failed("/address")) { $0.address = nil },
        Case("address without line1 and city is refused", .failed("/address/line1", "/address/city")) {
            $0.address?.line1 = nil
            $0.address?.city = "  "
        },
        Case("unknown country is refused", .failed("/address/country")) { $0.address?.country = "XYZ" },
        Case("lowercase country is refused", .failed("/address/country")) { $0.address?.country = "usa" },
        Case("two-letter country is refused", .failed("/address/country")) { $0.address?.country = "US" },
        Case("USA address without state is refused", .failed("/address/state")) { $0.address?.state = nil },
        Case("USA address without postal code is refused", .failed("/address/postalCode")) { $0.address?.postalCode = nil },
        Case("non-USA address needs no state or postal code", .valid) {
            $0.address = Address(line1: "10 Downing St", city: "London", country: "GBR")
            $0.personalInformation?.taxIdentificationNumberCountry = "GBR"
            $0.personalInformation?.taxIdentificationNumberType = .nationalId
        },
        Case("USA tax identification with a passport breaks the USA rule", .invalid("/personalInformation/taxIdentificationNumberType")) {
            $0.personalInformation?.taxIdentificationNumberType = .passport
        },
        Case("USA tax identification with an ITIN is accepted", .valid) {
            $0.personalInformation?.taxIdentificationNumberType = .itin
        },
        Case("tax number without its type is refused", .failed("/personalInformation/taxIdentificationNumberType")) {
            $0.personalInformation?.taxIdentificationNumberType = nil
        },
        Case("tax number without its country is refused", .failed("/personalInformation/taxIdentificationNumberCountry")) {
            $0.personalInformation?.taxIdentificationNumberCountry = nil
        },
        Case("tax type without its number is refused", .failed("/personalInformation/taxIdentificationNumber")) {
            $0.personalInformation?.taxIdentificationNumber = nil
        },
        Case("unknown tax type is refused", .failed("/personalInformation/taxIdentificationNumberType")) {
            $0.personalInformation?.taxIdentificationNumberType = "driver_license"
        },
        Case("tax type other without description is refused", .failed("/personalInformation/taxIdentificationNumberDescription")) {
            $0.personalInformation?.taxIdentificationNumberType = .other
            $0.personalInformation?.taxIdentificationNumberCountry = "DEU"
        },
        Case("tax type other with description is accepted", .valid) {
            $0.personalInformation?.taxIdentificationNumberType = .other
            $0.personalInformation?.taxIdentificationNumberCountry = "DEU"
            $0.personalInformation?.taxIdentificationNumberDescription = "Steuer-ID"
        },
        Case("tax identification without an address is refused", .failed("/address")) { $0.address = nil },
        Case("no personal information at all is accepted", .valid) { $0.personalInformation = nil },
        Case("date of birth yesterday is accepted", .valid) { $0.personalInformation?.dateOfBirth = "2026-03-08" },
        Case("date of birth today is refused", .failed("/personalInformation/dateOfBirth")) {
            $0.personalInformation?.dateOfBirth = "2026-03-09"
        },
        Case("date of birth on 30 February is refused", .failed("/personalInformation/dateOfBirth")) {
            $0.personalInformation?.dateOfBirth = "1990-02-30"
        },
        Case("date of birth on a leap day is accepted", .valid) { $0.personalInformation?.dateOfBirth = "2000-02-29" },
        Case("date of birth on 29 February of a century is refused", .failed("/personalInformation/dateOfBirth")) {
            $0.personalInformation?.dateOfBirth = "1900-02-29"
        },
        Case("date of birth with slashes is refused", .failed("/personalInformation/dateOfBirth")) {
            $0.personalInformation?.dateOfBirth = "1990/04/12"
        },
        Case("meta with 50 keys is accepted", .valid) { $0.meta = Meta(metaEntries(50)) },
        Case("meta with 51 keys is refused", .failed("/meta")) { $0.meta = Meta(metaEntries(51)) },
        Case("meta with a nested object is refused", .failed("/meta/preferences")) {
            $0.meta = ["preferences": .object(["language": .string("en")])]
        },
        Case("meta with an array is refused", .failed("/meta/tags")) { $0.meta = ["tags": .array([.string("vip")])] },
        Case("meta key of 40 characters is accepted", .valid) { $0.meta = [text(40): .bool(true)] },
        Case("meta key of 41 characters is refused", .failed("/meta/" + text(41))) { $0.meta = [text(41): .bool(true)] },
        Case("meta string of 500 characters is accepted", .valid) { $0.meta = ["note": .string(text(500))] },
        Case("meta string of 501 characters is refused", .failed("/meta/note")) { $0.meta = ["note": .string(text(501))] },
        Case("meta primitives and null are accepted", .valid) {
            $0.meta = ["a": .null, "b": .bool(false), "c": .number(4.5), "d": .string("x")]
        },
        Case("meta key with a slash is escaped in the pointer", .failed("/meta/a~1b")) { $0.meta = ["a/b": .array([])] },
    ]

    @Test(arguments: cases)
    func individualCreationRule(_ rule: Case<NewIndividual>) {
        let body = rule.applied(to: Fixtures.janeSmith)
        #expect(Outcome(body.validate(now: Fixtures.now)) == rule.expected)
    }

    @Test func everyProblemIsReportedAtOnce() {
        var body = Fixtures.janeSmith
        body.email = "nope"
        body.phone = "+1"
        body.address?.country = "ZZZ"
        body.meta = ["nested": .object([:])]
        let outcome = Outcome(body.validate(now: Fixtures.now))
        #expect(outcome == .failed("/email", "/phone", "/address/country", "/meta/nested"))
    }

    @Test func malformedFieldsOutrankBrokenRulesButBothAreListed() {
        var body = Fixtures.janeSmith
        body.phone = "555"
        body.personalInformation?.taxIdentificationNumberType = .passport
        let outcome = Outcome(body.validate(now: Fixtures.now))
        #expect(outcome == .failed("/phone", "/personalInformation/taxIdentificationNumberType"))
    }

    @Test func problemsSpeakPlainLanguage() throws {
        var body = Fixtures.janeSmith
        body.phone = "+123456"
        let problem = try #require(body.validate(now: Fixtures.now).malformed.first)
        #expect(problem.detail.contains("E.164"))
    }

    @Test func everyOfficialCountryIsKnown() {
        #expect(CountryCodes.alpha3.count == 249)
        #expect(CountryCodes.alpha3.isSuperset(of: ["USA", "GBR", "DEU", "BRA", "ALA", "SSD", "BES", "UMI"]))
        #expect(!CountryCodes.alpha3.contains("EUR"))
    }
}

private func metaEntries(_ count: Int) -> [String: JSONTree] {
    Dictionary(uniqueKeysWithValues: (0..<count).map { ("key\($0)", JSONTree.integer(Int64($0))) })
}
