import Testing

/// An email is used by at most one customer of each type.
@Suite struct DuplicateTests {
    @Test func theSameEmailAndTypeTwiceIsAConflict() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let again = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(email: jane.email))
            #expect(again.status == .conflict)
            #expect(again.code == "customer/duplicate")
            #expect(again.isProblem)
            let list = try await api.send(.get, "/v2/customer?email=\(jane.email)", key: "reader")
            #expect(list.json["pagination"]["total"].integer == 1)
        }
    }

    @Test func theEmailIsComparedWithoutCase() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let shouting = try await api.send(
                .post, "/v2/customer", key: "writer", json: APIFixtures.individual(email: jane.email.uppercased()))
            #expect(shouting.status == .conflict)
            #expect(shouting.code == "customer/duplicate")
        }
    }

    @Test func theSameEmailForAnotherTypeIsAllowed() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let jane = try await api.send(.post, "/v2/customer", key: "writer", json: APIFixtures.individual(email: acme.email))
            #expect(jane.status == .created, "\(jane.body)")
        }
    }
}
