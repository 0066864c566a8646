import CustomerAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Requests a fuzzer generated from the OpenAPI document that once went wrong.
@Suite struct FuzzFindingsTests {
    /// `after` at the largest version once overflowed `after + 1` and stopped the process.
    @Test(arguments: ["9223372036854775807", "9223372036854775806"])
    func theLargestHistoryCursorGivesAnEmptyPage(after: String) async throws {
        try await TestApplication.withClient { client, _ in
            let (body, _) = TestApplication.uniqueJane()
            let id = try await client.execute(
                uri: "/v2/customer", method: .post, headers: TestApplication.headers("writer"), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["id"] as? String
            }
            try await client.execute(
                uri: "/v2/customer/\(id ?? "")/events?after=\(after)&limit=50", method: .get, headers: TestApplication.headers("auditor")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"events":[],"hasMore":false}"#)
            }
        }
    }

    @Test(arguments: [
        (HTTPRequest.Method.put, "/v2/customer", "POST, GET"),
        (.delete, "/v2/customer/customer_00000000000000000000000000000000", "GET, PATCH"),
        (.get, "/v2/document", "POST"),
    ])
    func aKnownPathWithAnotherMethodIsMethodNotAllowed(method: HTTPRequest.Method, path: String, allow: String) async throws {
        try await TestApplication.withClient { client, _ in
            try await client.execute(uri: path, method: method, headers: TestApplication.headers("everything")) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                #expect(String(buffer: response.body).contains("route/method-not-allowed"))
            }
        }
    }

    @Test func anUnknownPathIsStillNotFound() async throws {
        try await TestApplication.withClient { client, _ in
            try await client.execute(uri: "/v2/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
