import Testing

/// A legal hold forbids erasure until released; both are events of their own.
@Suite struct LegalHoldTests {
    @Test func aHeldCustomerIsNotForgottenUntilTheHoldIsReleased() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let held = try await api.send(
                .post, "/v2/customer/\(jane.id)/legal-hold", key: "admin", json: #"{"reason":"AML record keeping, case 114"}"#)
            #expect(held.status == .ok, "\(held.body)")
            #expect(held.json["legalHold"]["reason"].text == "AML record keeping, case 114")

            let refused = try await api.send(.post, "/v2/customer/\(jane.id)/forget", key: "admin")
            #expect(refused.status == .conflict, "\(refused.body)")
            #expect(refused.json["code"].text == "customer/legal-hold")
            #expect(refused.json["detail"].text?.contains("AML record keeping, case 114") == true)
            let still = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(still.json["firstName"].text == "Jane", "nothing was erased")

            let released = try await api.send(.delete, "/v2/customer/\(jane.id)/legal-hold", key: "admin")
            #expect(released.status == .ok, "\(released.body)")
            #expect(released.json["legalHold"] == .null)
            let forgotten = try await api.send(.post, "/v2/customer/\(jane.id)/forget", key: "admin")
            #expect(forgotten.status == .ok, "\(forgotten.body)")

            let types = try await api.events(of: jane.id).json["events"].items.map { $0["type"].text ?? "" }
            #expect(types.suffix(3) == ["LegalHoldPlaced", "LegalHoldReleased", "PersonalDataErased"])
        }
    }

    @Test(arguments: [
        // (body, status, code)
        (#"{}"#, 422, "validation/failed"),
        (#"{"reason":"  "}"#, 422, "validation/failed"),
        (#"{"reason":"x","other":1}"#, 422, "validation/failed"),
    ])
    func aHoldNeedsAReason(body: String, status: Int, code: String) async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(.post, "/v2/customer/\(jane.id)/legal-hold", key: "admin", json: body)
            #expect(Int(reply.status.code) == status, "\(reply.body)")
            #expect(reply.json["code"].text == code)
            #expect(reply.json["errors"].items.first?["pointer"].text?.hasPrefix("/") == true, "\(reply.body)")
        }
    }

    @Test func aSecondHoldAReleaseWithoutOneAndAKeyWithoutAdminAreRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            #expect(try await api.send(.delete, "/v2/customer/\(jane.id)/legal-hold", key: "admin").status == .badRequest)
            #expect(try await api.send(.post, "/v2/customer/\(jane.id)/legal-hold", key: "writer", json: #"{"reason":"x"}"#).status == .forbidden)
            #expect(try await api.send(.post, "/v2/customer/\(jane.id)/legal-hold", key: "admin", json: #"{"reason":"first"}"#).status == .ok)
            let second = try await api.send(.post, "/v2/customer/\(jane.id)/legal-hold", key: "admin", json: #"{"reason":"second"}"#)
            #expect(second.status == .badRequest, "\(second.body)")
            #expect(second.json["detail"].text?.contains("already under a legal hold") == true)
        }
    }
}
