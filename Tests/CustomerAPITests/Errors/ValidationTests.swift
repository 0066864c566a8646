import Testing

/// Each validation rule reaches the client as problem details: the status, the code and a JSON
/// pointer at every offending field.
@Suite struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let status: Int
        let code: String
        let pointers: [String]

        var testDescription: String { name }

        static func invalid(_ name: String, _ body: String, _ pointers: [String]) -> Case {
            Case(name: name, body: body, status: 422, code: "validation/failed", pointers: pointers)
        }
    }

    static let pi = #""taxIdentificationNumber":"123-45-6789""#
    static let longEmail = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 63) + "."
        + String(repeating: "c", count: 63) + "." + String(repeating: "d", count: 58) + ".com"
    static let manyKeys = "{" + (1...51).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"

    static let creations: [Case] = [
        .invalid("a malformed email", APIFixtures.individual(replacing: ["email": #""jane.example.com""#]), ["/email"]),
        .invalid("a 255-character email", APIFixtures.individual(email: longEmail), ["/email"]),
        .invalid("a phone of 6 digits", APIFixtures.individual(replacing: ["phone": #""+123456""#]), ["/phone"]),
        .invalid("an unknown country", APIFixtures.individual(replacing: [
            "address": #"{"line1":"1 Main St","city":"Nowhere","country":"ZZZ"}"#,
            "personalInformation": nil,
        ]), ["/address/country"]),
        .invalid("a USA address without a state", APIFixtures.individual(replacing: [
            "address": #"{"line1":"233 S Wacker Dr","city":"Chicago","postalCode":"60606","country":"USA"}"#,
        ]), ["/address/state"]),
        .invalid("a tax number without its type", APIFixtures.individual(replacing: [
            "personalInformation": #"{\#(pi),"taxIdentificationNumberCountry":"USA"}"#,
        ]), ["/personalInformation/taxIdentificationNumberType"]),
        Case(name: "a passport as a USA tax identification", body: APIFixtures.individual(replacing: [
            "personalInformation": #"{\#(pi),"taxIdentificationNumberType":"passport","taxIdentificationNumberCountry":"USA"}"#,
        ]), status: 400, code: "request/invalid", pointers: ["/personalInformation/taxIdentificationNumberType"]),
        .invalid("meta with a nested object", APIFixtures.individual(replacing: ["meta": #"{"ok":1,"nested":{"a":1}}"#]), ["/meta/nested"]),
        .invalid("meta with 51 keys", APIFixtures.individual(replacing: ["meta": manyKeys]), ["/meta"]),
        .invalid("an unknown field", APIFixtures.individual(replacing: ["extra": "true"]), ["/extra"]),
        .invalid("an email that is a number", APIFixtures.individual(replacing: ["email": "42"]), ["/email"]),
        .invalid("no type", APIFixtures.individual(replacing: ["type": nil]), ["/type"]),
        .invalid("the type robot", APIFixtures.individual(replacing: ["type": #""robot""#]), ["/type"]),
        .invalid("a misspelt address field", APIFixtures.individual(replacing: [
            "address": #"{"line1":"233 S Wacker Dr","city":"Chicago","state":"IL","postalCode":"60606","country":"USA","zip":"60606"}"#,
        ]), ["/address/zip"]),
        .invalid("a birth date in the future", APIFixtures.individual(replacing: [
            "personalInformation": #"{"firstName":"Jane","dateOfBirth":"2999-01-01"}"#,
        ]), ["/personalInformation/dateOfBirth"]),
        .invalid("several problems at once", APIFixtures.individual(replacing: ["email": #""nope""#, "phone": #""12""#]), ["/email", "/phone"]),
    ]

    @Test(arguments: creations)
    func aCreationWithABadFieldIsRefusedWithItsPointer(_ example: Case) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: example.body)
            #expect(Int(reply.status.code) == example.status, "\(reply.body)")
            #expect(reply.code == example.code)
            #expect(reply.pointers == example.pointers)
            #expect(reply.isProblem)
            #expect(reply.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func patchingABusinessIsABadRequest() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let reply = try await api.send(.patch, "/v2/customer/\(acme.id)", key: "writer", json: #"{"meta":{"a":1}}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.code == "request/invalid")
        }
    }

    @Test func ownershipAddingUpToMoreThan100IsABadRequest() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            #expect(try await api.addRepresentative(to: acme.id, ownership: "60").status == .created)
            let reply = try await api.addRepresentative(to: acme.id, ownership: "41")
            #expect(reply.status == .badRequest)
            #expect(reply.code == "request/invalid")
            #expect(reply.pointers == ["/representationDetails/ownershipPercentage"])
        }
    }

    @Test func aDecisionOnAnIncompleteProfileIsABadRequest() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.decide(customer: jane.id, profile: "kyc_profile_a", "approved")
            #expect(reply.status == .badRequest)
            #expect(reply.code == "request/invalid")
        }
    }

    @Test func changingTheNameOnceTheProfileLeftIncompleteIsABadRequest() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.upload(targetId: jane.id, documentType: "passport", country: "USA")
            try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let reply = try await api.send(
                .patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"personalInformation":{"lastName":"Jones"}}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.code == "request/invalid")
            let meta = try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"meta":{"a":1}}"#)
            #expect(meta.status == .ok, "meta can still change")
        }
    }

    @Test(arguments: [
        ("/v2/customer?limit=101", "/limit"), ("/v2/customer?limit=0", "/limit"), ("/v2/customer?page=0", "/page"),
        ("/v2/customer?status=done", "/status"), ("/v2/customer?type=robot", "/type"),
    ])
    func aBadListParameterIsRefusedWithItsPointer(_ uri: String, _ pointer: String) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, uri, key: "reader")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.code == "validation/failed")
            #expect(reply.pointers == [pointer])
        }
    }

    @Test(arguments: [("?asOfVersion=0", "/asOfVersion"), ("?asOfVersion=2", "/asOfVersion"), ("?asOf=yesterday", "/asOf")])
    func aBadTimeTravelParameterIsRefusedWithItsPointer(_ query: String, _ pointer: String) async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(.get, "/v2/customer/\(jane.id)\(query)", key: "reader")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.code == "validation/failed")
            #expect(reply.pointers == [pointer])
        }
    }

    @Test(arguments: [("?limit=101", "/limit"), ("?after=-1", "/after"), ("?limit=ten", "/limit")])
    func aBadHistoryParameterIsRefusedWithItsPointer(_ query: String, _ pointer: String) async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.events(of: jane.id, query: query)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == [pointer])
        }
    }

    @Test func aGovernmentIdWithoutACountryIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "passport")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/country"])
        }
    }

    @Test func aDocumentTypeThatDoesNotFitItsTargetIsABadRequest() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "incorporation_cert")
            #expect(reply.status == .badRequest)
            #expect(reply.code == "request/invalid")
            #expect(reply.pointers == ["/documentType"])
        }
    }

    @Test func aRejectionWithoutADetailIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let uploaded = try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let reply = try await api.review(document: uploaded.json["id"].text ?? "", "rejected")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/detail"])
        }
    }

    @Test func aRepresentativeWithABadPhoneIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let body = APIFixtures.representative(of: acme.id, ownership: "10").replacingOccurrences(of: "+14155550150", with: "555-0150")
            let reply = try await api.send(.post, "/v2/business-representative", key: "writer", json: body)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/phone"])
        }
    }
}
