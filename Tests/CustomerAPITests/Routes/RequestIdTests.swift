import HTTPTypes
import Testing

/// Every response carries `X-Request-Id`: the caller's when it is a sane token, else a fresh one.
@Suite struct RequestIdTests {
    static let requestId = HTTPField.Name("X-Request-Id")!

    @Test func aResponseWithoutAnIncomingIdGetsAFreshOne() async throws {
        try await TestApplication.withDriver { api in
            let first = try await api.send(.get, "/healthz", key: nil)
            let second = try await api.send(.get, "/healthz", key: nil)
            let id = try #require(first.requestId)
            #expect(!id.isEmpty)
            #expect(id != second.requestId)
        }
    }

    @Test func aValidIncomingIdIsEchoed() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/healthz", key: nil, headers: [Self.requestId: "trace-42_a.b:c"])
            #expect(reply.requestId == "trace-42_a.b:c")
        }
    }

    @Test(arguments: ["bad id!", String(repeating: "a", count: 129), "naïve", "<script>"])
    func anInvalidIncomingIdIsReplaced(_ incoming: String) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, "/healthz", key: nil, headers: [Self.requestId: incoming])
            let id = try #require(reply.requestId)
            #expect(id != incoming)
            #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        }
    }

    @Test func aProblemCarriesTheRequestIdAsItsCorrelationId() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(
                .get, "/v2/customer/customer_00000000000000000000000000000000", key: "reader",
                headers: [Self.requestId: "lookup-7"])
            #expect(reply.status == .notFound)
            #expect(reply.requestId == "lookup-7")
            #expect(reply.json["correlationId"].text == "lookup-7")
        }
    }

    @Test func responsesToCommandsCarryTheRequestIdInTheirEvents() async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.individual(), headers: [Self.requestId: "onboard-jane-1"])
            #expect(reply.status == .created)
            #expect(reply.requestId == "onboard-jane-1")
            let events = try await api.events(of: reply.json["id"].text ?? "")
            #expect(events.json["events"][0]["metadata"]["requestId"].text == "onboard-jane-1")
        }
    }
}
