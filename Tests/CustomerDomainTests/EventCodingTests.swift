import Foundation
import Testing
@testable import CustomerDomain

@Suite struct EventCodingTests {
    func janeCreated() throws -> CustomerEvent {
        try #require(try decide(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith), state: .initial, context: Fixtures.context).first)
    }

    @Test func anEventIsStoredUnderItsStableTypeAndSchemaVersion() throws {
        let stored = try janeCreated().encoded()
        #expect(stored.type == "IndividualCustomerCreated")
        #expect(stored.schemaVersion == 2)
    }

    @Test func timestampsAreWrittenInUTCWithMilliseconds() throws {
        let json = String(decoding: try janeCreated().encoded().data, as: UTF8.self)
        #expect(json.contains(#""createdAt":"2026-03-09T20:46:31.305Z""#))
    }

    @Test func keysAreSortedSoTheBytesAreCanonical() throws {
        let json = String(decoding: try janeCreated().encoded().data, as: UTF8.self)
        #expect(json.hasPrefix(#"{"address":{"city":"Chicago","country":"USA","line1":"233 S Wacker Dr","postalCode":"60601","state":"IL"},"createdAt""#))
    }

    @Test func decodingWhatWasEncodedGivesTheSameEvent() throws {
        let event = try janeCreated()
        let stored = event.encoded()
        #expect(try CustomerEvent.decode(type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data) == event)
    }

    @Test func aVersionOneAddressKeepsItsSecondLineInLineOneAndIsUpcast() throws {
        let v1 = Data(#"""
        {"createdAt":"2026-03-09T20:46:31.305Z","customerId":"\#(Fixtures.customerID)","email":"jane.smith@example.com",
         "phone":"+14155550123","address":{"line1":"233 S Wacker Dr\nSuite 4400","city":"Chicago","state":"IL",
         "postalCode":"60601","country":"USA"}}
        """#.utf8)
        let event = try CustomerEvent.decode(type: "IndividualCustomerCreated", schemaVersion: 1, data: v1)
        guard case .individualCustomerCreated(let created) = event else {
            Issue.record("decoded \(event.type)")
            return
        }
        #expect(created.address.line1 == "233 S Wacker Dr")
        #expect(created.address.line2 == "Suite 4400")
        #expect(event.schemaVersion == 2)
    }

    @Test func aVersionOneBusinessUpcastsEveryAddress() throws {
        let v1 = Data(#"""
        {"createdAt":"2026-03-09T20:46:31.305Z","customerId":"\#(Fixtures.businessID)","email":"a@acme.example",
         "phone":"+14155550100","addresses":[{"type":"registered","line1":"1 Main St\nFloor 2","city":"Wilmington",
         "country":"GBR"},{"type":"operating","line1":"2 Side St","city":"Leeds","country":"GBR"}]}
        """#.utf8)
        let event = try CustomerEvent.decode(type: "BusinessCustomerCreated", schemaVersion: 1, data: v1)
        guard case .businessCustomerCreated(let created) = event else {
            Issue.record("decoded \(event.type)")
            return
        }
        #expect(created.addresses.map(\.line2) == ["Floor 2", nil])
        #expect(created.addresses.map(\.line1) == ["1 Main St", "2 Side St"])
    }

    @Test func aVersionOneAddressOnOneLineIsUnchanged() throws {
        var stored = try janeCreated().encoded()
        stored.schemaVersion = 1
        #expect(try CustomerEvent.decode(type: stored.type, schemaVersion: 1, data: stored.data) == (try janeCreated()))
    }

    @Test func anUnknownTypeIsRefused() {
        #expect(throws: EventDecodingError.unknownType("CustomerDeleted")) {
            try CustomerEvent.decode(type: "CustomerDeleted", schemaVersion: 1, data: Data("{}".utf8))
        }
    }

    @Test func aSchemaVersionFromTheFutureIsRefused() {
        #expect(throws: EventDecodingError.unsupportedSchemaVersion(type: "DocumentReviewed", schemaVersion: 2)) {
            try CustomerEvent.decode(type: "DocumentReviewed", schemaVersion: 2, data: Data("{}".utf8))
        }
    }

    @Test func dataMissingARequiredFieldIsRefused() {
        #expect(throws: EventDecodingError.self) {
            try CustomerEvent.decode(type: "BusinessRepresentativeRemoved", schemaVersion: 1, data: Data(#"{"removedAt":"2026-03-09T20:46:31.305Z"}"#.utf8))
        }
    }

    @Test func maskingHidesTheTaxNumberButKeepsItsTypeAndCountry() throws {
        guard case .individualCustomerCreated(let masked) = try janeCreated().masked else {
            Issue.record("masking changed the event type")
            return
        }
        #expect(masked.personalInformation?.taxIdentificationNumber == "***")
        #expect(masked.personalInformation?.taxIdentificationNumberType == .ssn)
        #expect(masked.personalInformation?.taxIdentificationNumberCountry == "USA")
    }
}

@Suite struct TimeValueTests {
    static let instants: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00.000Z"),
        (1_773_089_191_305, "2026-03-09T20:46:31.305Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ]

    @Test(arguments: instants)
    func timestampsRoundTripThroughText(milliseconds: Int64, text: String) {
        #expect(Timestamp(millisecondsSince1970: milliseconds).iso8601 == text)
        #expect(Timestamp(iso8601: text) == Timestamp(millisecondsSince1970: milliseconds))
    }

    @Test func subMillisecondTimeIsTruncated() {
        #expect(Timestamp(Date(timeIntervalSince1970: 1.0009)).millisecondsSince1970 == 1000)
    }

    @Test(arguments: ["2023-02-29", "2024-04-31", "2024-00-10", "24-01-01", "2024-1-01", "2024-01-01T"])
    func impossibleDaysAreRefused(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func identifiersAreThePrefixAndThirtyTwoHexDigits() throws {
        let id = try #require(CustomerID(randomBytes: Array(repeating: 0xab, count: 16)))
        #expect(id.rawValue == "customer_" + String(repeating: "ab", count: 16))
        #expect(CustomerID(randomBytes: Array(repeating: 0, count: 15)) == nil)
        #expect(CustomerID(rawValue: "customer_" + String(repeating: "AB", count: 16)) == nil)
        #expect(RepresentativeID(rawValue: "associatedPerson_" + String(repeating: "0", count: 32)) != nil)
        #expect(DocumentID(rawValue: "customer_" + String(repeating: "0", count: 32)) == nil)
    }
}
