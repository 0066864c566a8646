import CustomerAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The API as a client uses it: each call sends one request and returns the reply. Every reply
/// is checked for what the contract promises of all responses: an `X-Request-Id`, and never a 5xx.
struct APIDriver {
    let client: any TestClientProtocol

    /// Sends `json` (when given) as `application/json` with `key`'s bearer token; `headers`
    /// replace the defaults of the same name.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, key: String? = "everything", json: String? = nil,
        headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        var fields = TestApplication.headers(key, json: json != nil)
        for name in Set(headers.map(\.name)) { fields[fields: name] = headers[fields: name] }
        return try await raw(method, uri, headers: fields, body: json.map { ByteBuffer(string: $0) }, sourceLocation: sourceLocation)
    }

    /// Sends exactly these headers and bytes.
    func raw(
        _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: ByteBuffer?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        let reply = try await client.execute(uri: uri, method: method, headers: headers, body: body) { Reply($0) }
        #expect(reply.requestId != nil, "\(method) \(uri) has no X-Request-Id", sourceLocation: sourceLocation)
        #expect(reply.status.code < 500, "\(method) \(uri) → \(reply.status.code) \(reply.body)", sourceLocation: sourceLocation)
        return reply
    }

    // MARK: Customers

    struct Created {
        let id: String
        let email: String
        let reply: Reply
    }

    /// Creates Jane Smith with an email of her own.
    @discardableResult
    func createJane(key: String = "writer", sourceLocation: SourceLocation = #_sourceLocation) async throws -> Created {
        let jane = TestApplication.uniqueJane()
        let reply = try await send(.post, "/v2/customer", key: key, json: jane.body, sourceLocation: sourceLocation)
        #expect(reply.status == .created, "\(reply.body)", sourceLocation: sourceLocation)
        return Created(id: reply.json["id"].text ?? "", email: jane.email, reply: reply)
    }

    /// Creates Acme Robotics with both addresses and full business information.
    func createBusiness(sourceLocation: SourceLocation = #_sourceLocation) async throws -> Created {
        let email = APIFixtures.uniqueEmail("acme")
        let reply = try await send(.post, "/v2/customer", key: "writer", json: APIFixtures.business(email: email), sourceLocation: sourceLocation)
        #expect(reply.status == .created, "\(reply.body)", sourceLocation: sourceLocation)
        return Created(id: reply.json["id"].text ?? "", email: email, reply: reply)
    }

    func addRepresentative(
        to business: String, ownership: String = "60", firstName: String = "Ada",
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        try await send(
            .post, "/v2/business-representative", key: "writer",
            json: APIFixtures.representative(of: business, ownership: ownership, firstName: firstName),
            sourceLocation: sourceLocation)
    }

    // MARK: Documents

    /// Uploads `file` as multipart/form-data, with only the fields given.
    @discardableResult
    func upload(
        targetId: String, target: String = "customer", documentType: String, country: String? = nil,
        file: [UInt8] = SampleFiles.pdf, fileName: String = "document.pdf", fileContentType: String = "application/pdf",
        key: String = "writer", headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        var form = MultipartFixture()
        form.addField("targetId", targetId)
        form.addField("target", target)
        form.addField("documentType", documentType)
        if let country { form.addField("country", country) }
        form.addFile("file", filename: fileName, contentType: fileContentType, bytes: file)
        return try await sendForm(form, key: key, headers: headers, sourceLocation: sourceLocation)
    }

    func sendForm(
        _ form: MultipartFixture, key: String = "writer", headers: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        var fields = TestApplication.headers(key, json: false)
        fields[.contentType] = form.contentType
        for name in Set(headers.map(\.name)) { fields[fields: name] = headers[fields: name] }
        return try await raw(.post, "/v2/document", headers: fields, body: ByteBuffer(bytes: form.body), sourceLocation: sourceLocation)
    }

    func review(
        document: String, _ decision: String = "accepted", detail: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        let detailMember = detail.map { #","detail":"\#($0)""# } ?? ""
        return try await send(
            .post, "/v2/document/\(document)/review", key: "reviewer",
            json: #"{"decision":"\#(decision)"\#(detailMember)}"#, sourceLocation: sourceLocation)
    }

    /// Uploads a document and accepts it; returns the document's id.
    @discardableResult
    func uploadAccepted(
        targetId: String, target: String = "customer", documentType: String, country: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let uploaded = try await upload(
            targetId: targetId, target: target, documentType: documentType, country: country, sourceLocation: sourceLocation)
        #expect(uploaded.status == .created, "\(documentType): \(uploaded.body)", sourceLocation: sourceLocation)
        let id = uploaded.json["id"].text ?? ""
        let reviewed = try await review(document: id, sourceLocation: sourceLocation)
        #expect(reviewed.status == .ok, "\(documentType): \(reviewed.body)", sourceLocation: sourceLocation)
        #expect(reviewed.json["status"].text == "accepted", sourceLocation: sourceLocation)
        return id
    }

    // MARK: Decisions and history

    /// A profile decision, by default from `approver`: four eyes refuse one from `reviewer`,
    /// which accepts the documents.
    func decide(
        customer: String, profile: String, _ decision: String = "approved", key: String = "approver",
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        try await send(
            .post, "/v2/customer/\(customer)/verification-profiles/\(profile)/decision", key: key,
            json: #"{"decision":"\#(decision)"}"#, sourceLocation: sourceLocation)
    }

    func decide(
        representative: String, profile: String = "ubo_kyc_profile_a", _ decision: String = "approved",
        key: String = "approver", sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        try await send(
            .post, "/v2/business-representative/\(representative)/verification-profiles/\(profile)/decision",
            key: key, json: #"{"decision":"\#(decision)"}"#, sourceLocation: sourceLocation)
    }

    func events(of customer: String, query: String = "", sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        try await send(.get, "/v2/customer/\(customer)/events\(query)", key: "auditor", sourceLocation: sourceLocation)
    }

    /// How many events the customer's stream holds (at most 100).
    func eventCount(of customer: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        try await events(of: customer, query: "?limit=100", sourceLocation: sourceLocation).json["events"].items.count
    }
}

extension TestApplication {
    /// Runs `body` with a driver on the test application.
    static func withDriver<T: Sendable>(
        rateLimits: RateLimits = RateLimits(), _ body: @Sendable (APIDriver) async throws -> T
    ) async throws -> T {
        try await withClient(rateLimits: rateLimits) { client, _ in try await body(APIDriver(client: client)) }
    }
}
