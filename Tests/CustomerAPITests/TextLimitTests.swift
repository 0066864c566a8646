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
}
