import Hummingbird
import Testing

/// Bodies are limited: documents to 15 MB, JSON to 1 MiB; beyond that, 413 `request/too-large`.
@Suite struct BodyLimitTests {
    static let megabyte = 1 << 20

    /// A PDF of exactly `size` bytes.
    static func pdf(size: Int) -> [UInt8] {
        var bytes = SampleFiles.pdf
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: size - bytes.count)
        return bytes
    }

    @Test func aDocumentOneByteOver15MBIsTooLarge() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "liveness_report", file: Self.pdf(size: 15 * Self.megabyte + 1))
            #expect(reply.status == .contentTooLarge, "\(reply.body)")
            #expect(reply.code == "request/too-large")
            #expect(reply.isProblem)
            #expect(try await api.eventCount(of: jane.id) == 1)
        }
    }

    @Test func aDocumentOf15MBIsAccepted() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "liveness_report", file: Self.pdf(size: 15 * Self.megabyte))
            #expect(reply.status == .created, "\(reply.body.prefix(300))")
            #expect(reply.json["fileSize"].integer == Int64(15 * Self.megabyte))
        }
    }

    @Test func aDocumentBodyFarOverTheLimitIsTooLarge() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "liveness_report", file: Self.pdf(size: 17 * Self.megabyte))
            #expect(reply.status == .contentTooLarge)
            #expect(reply.code == "request/too-large")
        }
    }

    @Test func aJSONBodyOver1MiBIsTooLarge() async throws {
        try await TestApplication.withDriver { api in
            let padding = String(repeating: "a", count: Self.megabyte)
            let body = APIFixtures.individual(replacing: ["meta": #"{"note":"\#(padding)"}"#])
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.code == "request/too-large")
            #expect(reply.isProblem)
        }
    }

    @Test func aJSONBodyJustUnder1MiBIsReadAndValidated() async throws {
        try await TestApplication.withDriver { api in
            let body = APIFixtures.individual(replacing: ["meta": #"{"note":"NOTE"}"#])
            let padding = String(repeating: "a", count: Self.megabyte - body.utf8.count)
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body.replacingOccurrences(of: "NOTE", with: padding))
            #expect(reply.status == .unprocessableContent, "a long meta string is a validation problem, not a size one")
            #expect(reply.pointers == ["/meta/note"])
        }
    }
}
