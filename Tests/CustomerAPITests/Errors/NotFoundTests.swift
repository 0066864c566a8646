import Foundation
import HTTPTypes
import Testing

/// Unknown ids and malformed ids in paths are `customer/not-found`, never a server error.
@Suite struct NotFoundTests {
    static func hex() -> String { UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }

    struct Request: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let uri: String
        let key: String
        var json: String? = nil

        var testDescription: String { "\(method) \(uri)" }
    }

    static let decision = #"{"decision":"approved"}"#
    static let unknownCustomer = "customer_" + hex()
    static let unknownRepresentative = "associatedPerson_" + hex()
    static let unknownDocument = "document_" + hex()

    static let requests: [Request] = [
        Request(method: .get, uri: "/v2/customer/\(unknownCustomer)", key: "reader"),
        Request(method: .get, uri: "/v2/customer/\(unknownCustomer)?asOfVersion=1", key: "reader"),
        Request(method: .patch, uri: "/v2/customer/\(unknownCustomer)", key: "writer", json: #"{"meta":{}}"#),
        Request(method: .get, uri: "/v2/customer/\(unknownCustomer)/events", key: "auditor"),
        Request(method: .post, uri: "/v2/customer/\(unknownCustomer)/verification-profiles/kyc_profile_a/decision", key: "reviewer", json: decision),
        Request(method: .get, uri: "/v2/business-representative/\(unknownRepresentative)", key: "reader"),
        Request(method: .patch, uri: "/v2/business-representative/\(unknownRepresentative)", key: "writer", json: #"{"phone":"+14155550100"}"#),
        Request(method: .delete, uri: "/v2/business-representative/\(unknownRepresentative)", key: "writer"),
        Request(method: .post, uri: "/v2/business-representative/\(unknownRepresentative)/verification-profiles/ubo_kyc_profile_a/decision", key: "reviewer", json: decision),
        Request(method: .get, uri: "/v2/business-representative?customerId=\(unknownCustomer)", key: "reader"),
        Request(method: .post, uri: "/v2/business-representative", key: "writer", json: APIFixtures.representative(of: unknownCustomer, ownership: "10")),
        Request(method: .post, uri: "/v2/document/\(unknownDocument)/review", key: "reviewer", json: #"{"decision":"accepted"}"#),
    ]

    @Test(arguments: requests)
    func anUnknownIdIsNotFound(_ request: Request) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(request.method, request.uri, key: request.key, json: request.json)
            #expect(reply.status == .notFound, "\(reply.body)")
            #expect(reply.code == "customer/not-found")
            #expect(reply.isProblem)
        }
    }

    static let malformedIds = [
        "not-an-id", "customer_", "customer_123", "customer_" + hex().uppercased(), "customer_" + hex() + "0",
        "associatedPerson_" + hex(), "document_" + hex(), "customer_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "%00", "..",
        String(repeating: "x", count: 5000),
    ]

    @Test(arguments: malformedIds)
    func aMalformedCustomerIdInThePathIsNotFound(_ id: String) async throws {
        try await TestApplication.withDriver { api in
            for (method, suffix, key) in [(HTTPRequest.Method.get, "", "reader"), (.get, "/events", "auditor")] {
                let reply = try await api.send(method, "/v2/customer/\(id)\(suffix)", key: key)
                #expect(reply.status == .notFound, "\(reply.body)")
                #expect(reply.isProblem)
            }
            let patched = try await api.send(.patch, "/v2/customer/\(id)", key: "writer", json: #"{"meta":{}}"#)
            #expect(patched.status == .notFound)
        }
    }

    @Test(arguments: ["not-an-id", "associatedPerson_123", "customer_" + hex(), "document_" + hex()])
    func aMalformedRepresentativeOrDocumentIdInThePathIsNotFound(_ id: String) async throws {
        try await TestApplication.withDriver { api in
            let representative = try await api.send(.get, "/v2/business-representative/\(id)", key: "reader")
            #expect(representative.status == .notFound)
            let deleted = try await api.send(.delete, "/v2/business-representative/\(id)", key: "writer")
            #expect(deleted.status == .notFound)
            let review = try await api.review(document: id)
            #expect(review.status == .notFound)
            #expect(review.isProblem)
        }
    }

    @Test func anUnknownProfileNameIsNotFound() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            for profile in ["kyb_profile_a", "no_such_profile"] {
                let reply = try await api.decide(customer: jane.id, profile: profile)
                #expect(reply.status == .notFound, "\(profile): \(reply.body)")
            }
        }
    }

    @Test func anUploadForAnUnknownTargetIsNotFound() async throws {
        try await TestApplication.withDriver { api in
            let customer = try await api.upload(targetId: Self.unknownCustomer, documentType: "liveness_report")
            #expect(customer.status == .notFound, "\(customer.body)")
            let representative = try await api.upload(
                targetId: Self.unknownRepresentative, target: "business_representative", documentType: "liveness_report")
            #expect(representative.status == .notFound, "\(representative.body)")
            let malformed = try await api.upload(targetId: "nobody", documentType: "liveness_report")
            #expect(malformed.status == .notFound, "\(malformed.body)")
        }
    }

    @Test func anUnknownRouteIsAProblemToo() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/v3/customer", key: "reader")
            #expect(reply.status == .notFound)
            #expect(reply.isProblem)
        }
    }
}
