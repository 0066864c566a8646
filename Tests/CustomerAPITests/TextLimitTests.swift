import CustomerAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every free-text field has a documented maximum; one character more is refused at its pointer.
@Suite struct TextLimitTests {
    @Test(arguments: [
        ("firstName", 100, "/personalInformation/firstName"),
        ("line1", 200, "/address/line1"),
        ("postalCode", 20, "/address/postalCode"),
    ])
    func oneCharacterOverTheMaximumIsRefused(field: String, maximum: Int, pointer: String) async throws {
        try await TestApplication.withClient { client, _ in
            let (body, _) = TestApplication.uniqueJane()
            var json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let long = String(repeating: "a", count: maximum + 1)
            if pointer.hasPrefix("/address") {
                var address = json["address"] as! [String: Any]
                address[field] = long
                json["address"] = address
            } else {
                var person = json["personalInformation"] as! [String: Any]
                person[field] = long
                json["personalInformation"] = person
            }
            let tooLong = try JSONSerialization.data(withJSONObject: json)
            try await client.execute(
                uri: "/v2/customer", method: .post, headers: TestApplication.headers("writer"), body: ByteBuffer(bytes: tooLong)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains(#""pointer":"\#(pointer)""#))
                #expect(String(buffer: response.body).contains("at most \(maximum) characters"))
            }
        }
    }

    @Test func textAtTheMaximumIsAccepted() async throws {
        try await TestApplication.withClient { client, _ in
            let (body, _) = TestApplication.uniqueJane()
            let atMaximum = body.replacingOccurrences(of: #""firstName":"Jane""#, with: #""firstName":"\#(String(repeating: "J", count: 100))""#)
            #expect(atMaximum.contains(String(repeating: "J", count: 100)))
            try await client.execute(
                uri: "/v2/customer", method: .post, headers: TestApplication.headers("writer"), body: ByteBuffer(string: atMaximum)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
        }
    }

    /// Limits count Unicode scalars: one character of "J" and 3,000 combining accents is 3,001
    /// scalars, far beyond the 100 a name may have.
    @Test func combiningMarksCountTowardsTheLimit() async throws {
        try await TestApplication.withDriver { api in
            let name = "J" + String(repeating: "\u{0301}", count: 3_000)
            #expect(name.count == 1)
            let body = APIFixtures.individual(replacing: [
                "personalInformation": #"{"firstName":"\#(name)","lastName":"Smith"}"#,
            ])
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .unprocessableContent, "\(reply.body.prefix(300))")
            #expect(reply.pointers == ["/personalInformation/firstName"])
            #expect(reply.body.contains("at most 100 characters (it has 3001)"))
        }
    }

    @Test func combiningMarksCountInMetaAndSearchToo() async throws {
        try await TestApplication.withDriver { api in
            let value = "a" + String(repeating: "\u{0301}", count: 500)
            let body = APIFixtures.individual(replacing: ["meta": #"{"note":"\#(value)"}"#])
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .unprocessableContent, "\(reply.body.prefix(300))")
            #expect(reply.pointers == ["/meta/note"])
            let search = "a" + String(repeating: "%CC%81", count: 200)
            let list = try await api.send(.get, "/v2/customer?search=\(search)", key: "reader")
            #expect(list.status == .unprocessableContent)
            #expect(list.pointers == ["/search"])
        }
    }
}
