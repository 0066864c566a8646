import Foundation
import HTTPTypes
import Testing

/// A body that names a member twice is refused at the second occurrence: the shape check and the
/// decoder read one tree, so no value can be checked one way and stored another.
@Suite struct DuplicateMemberTests {
    @Test(arguments: [
        (#""address":{"line1":"LONG","line1":"1 Main St","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"}"#, "/address/line1"),
        (#""address":{"line1":"1 Main St","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"},"email":"x@example.com""#, "/email"),
        (#""address":{"line1":"1 Main St","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"},"meta":{"a~b/c":1,"a~b/c":2}"#, "/meta/a~0b~1c"),
    ])
    func aRepeatedMemberIsRefusedAtItsSecondOccurrence(members: String, pointer: String) async throws {
        try await TestApplication.withClient { client, pool in
            let api = APIDriver(client: client)
            let email = APIFixtures.uniqueEmail("twice")
            let body = #"{"type":"individual","email":"\#(email)","phone":"+14155550123",\#(members.replacingOccurrences(of: "LONG", with: String(repeating: "a", count: 300)))}"#
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .unprocessableContent, "\(reply.body)")
            #expect(reply.code == "validation/failed")
            #expect(reply.pointers == [pointer])
            #expect(reply.json["errors"][0]["detail"].text?.hasPrefix("Duplicate field") == true)
            let stored = try await pool.query("SELECT count(*) FROM customers WHERE email = $1", [email]).rows[0].decode(0, as: Int.self)
            #expect(stored == 0)
        }
    }

    @Test func aRepeatedMemberInsideAnArrayIsNamedByItsIndex() async throws {
        try await TestApplication.withDriver { api in
            let body = #"{"type":"business","email":"\#(APIFixtures.uniqueEmail("acme"))","phone":"+14155550100","addresses":[{"type":"registered","line1":"1 Main St","city":"Dover","state":"DE","postalCode":"19901","country":"USA"},{"type":"operating","city":"A","city":"B","line1":"2 Main St","state":"DE","postalCode":"19901","country":"USA"}]}"#
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/addresses/1/city"])
        }
    }

    @Test func aRepeatedFormFieldOfAnUploadIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            var form = MultipartFixture()
            form.addField("targetId", jane.id)
            form.addField("target", "customer")
            form.addField("documentType", "liveness_report")
            form.addField("documentType", "passport")
            form.addFile("file", filename: "a.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)
            let reply = try await api.sendForm(form)
            #expect(reply.status == .unprocessableContent, "\(reply.body)")
            #expect(reply.pointers == ["/documentType"])
        }
    }
}
