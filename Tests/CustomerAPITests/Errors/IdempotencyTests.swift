import Foundation
import HTTPTypes
import Testing

/// `Idempotency-Key`: a retry gets the first response and appends nothing; the same key with
/// another body is refused.
@Suite struct IdempotencyTests {
    static func key() -> String { "key-\(UUID().uuidString.lowercased())" }

    @Test func aRetriedCreateGetsTheSameResponseAndCreatesNothing() async throws {
        try await TestApplication.withDriver { api in
            let key = Self.key()
            let body = APIFixtures.individual()
            let headers = TestApplication.headers("writer", idempotencyKey: key)
            let first = try await api.send(.post, "/v2/customer", key: "writer", json: body, headers: headers)
            let retry = try await api.send(.post, "/v2/customer", key: "writer", json: body, headers: headers)
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.body == first.body)
            let id = try #require(first.json["id"].text)
            #expect(try await api.eventCount(of: id) == 1)
            let email = try #require(first.json["email"].text)
            let list = try await api.send(.get, "/v2/customer?email=\(email)", key: "reader")
            #expect(list.json["pagination"]["total"].integer == 1)
        }
    }

    @Test func aRetriedUpdateGetsTheSameResponseAndAppendsNothing() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let headers = TestApplication.headers("writer", idempotencyKey: Self.key())
            let body = #"{"meta":{"tier":"gold"}}"#
            let first = try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: body, headers: headers)
            let retry = try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: body, headers: headers)
            #expect(first.status == .ok)
            #expect(retry.status == .ok)
            #expect(retry.body == first.body)
            #expect(try await api.eventCount(of: jane.id) == 2)
        }
    }

    @Test func aRetriedUploadGetsTheSameDocumentAndAppendsNothing() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: Self.key()]
            let first = try await api.upload(targetId: jane.id, documentType: "liveness_report", headers: headers)
            let retry = try await api.upload(targetId: jane.id, documentType: "liveness_report", headers: headers)
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.body == first.body)
            #expect(try await api.eventCount(of: jane.id) == 2)
        }
    }

    @Test func theSameKeyWithAnotherBodyIsAMismatch() async throws {
        try await TestApplication.withDriver { api in
            let headers = TestApplication.headers("writer", idempotencyKey: Self.key())
            let first = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(), headers: headers)
            #expect(first.status == .created)
            let other = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(), headers: headers)
            #expect(other.status == .unprocessableContent)
            #expect(other.code == "idempotency/mismatch")
            #expect(other.isProblem)
            #expect(try await api.eventCount(of: first.json["id"].text ?? "") == 1)
        }
    }

    @Test func theSameKeyOnAnotherRouteIsAMismatch() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let headers = TestApplication.headers("writer", idempotencyKey: Self.key())
            let body = #"{"meta":{"tier":"gold"}}"#
            #expect(try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: body, headers: headers).status == .ok)
            let other = try await api.createJane()
            let reply = try await api.send(.patch, "/v2/customer/\(other.id)", key: "writer", json: body, headers: headers)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.code == "idempotency/mismatch")
            #expect(try await api.eventCount(of: other.id) == 1)
        }
    }

    @Test(arguments: ["", "has space", String(repeating: "k", count: 256)])
    func anUnusableKeyIsRefused(_ key: String) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.individual(),
                headers: TestApplication.headers("writer", idempotencyKey: key))
            #expect(reply.status == .unprocessableContent, "\(reply.body)")
            #expect(reply.code == "validation/failed")
        }
    }
}
