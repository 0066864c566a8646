import HTTPTypes
import Hummingbird
import Testing

/// JSON routes read only `application/json`; the document route only `multipart/form-data`.
@Suite struct ContentTypeTests {
    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"])
    func aJSONRouteRefusesAnotherContentType(_ contentType: String) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.individual(), headers: [.contentType: contentType])
            #expect(reply.status == .badRequest, "\(reply.body)")
            #expect(reply.code == "request/invalid")
            #expect(reply.isProblem)
        }
    }

    @Test func aJSONBodyWithoutAContentTypeIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.raw(
                .post, "/v2/customer", headers: TestApplication.headers("writer", json: false),
                body: ByteBuffer(string: APIFixtures.individual()))
            #expect(reply.status == .badRequest)
            #expect(reply.isProblem)
        }
    }

    @Test func aJSONContentTypeWithACharsetIsRead() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.individual(),
                headers: [.contentType: "application/json; charset=utf-8"])
            #expect(reply.status == .created, "\(reply.body)")
        }
    }

    @Test func theDocumentRouteRefusesJSON() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(
                .post, "/v2/document", key: "writer",
                json: #"{"targetId":"\#(jane.id)","target":"customer","documentType":"liveness_report"}"#)
            #expect(reply.status == .badRequest, "\(reply.body)")
            #expect(reply.isProblem)
        }
    }
}
