import Testing

/// `GET /v2/customer/{id}/events`: the audit history, oldest first, paged by version.
@Suite struct HistoryRouteTests {
    @Test func eventsAreListedOldestFirstWithTheirActors() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane(key: "writer")
            try await api.send(.patch, "/v2/customer/\(jane.id)", key: "everything", json: #"{"meta":{"tier":"gold"}}"#)
            let reply = try await api.events(of: jane.id)
            #expect(reply.status == .ok)
            let events = reply.json["events"].items
            #expect(events.map { $0["type"].text } == ["IndividualCustomerCreated", "IndividualCustomerUpdated"])
            #expect(events.map { $0["version"].integer } == [1, 2])
            #expect(events.map { $0["metadata"]["actor"].text } == ["writer", "everything"])
            #expect(reply.json["hasMore"].flag == false)
            let positions = events.compactMap { $0["position"].integer }
            #expect(positions.count == 2 && positions[0] < positions[1])
            for event in events {
                #expect(event["recordedAt"].text.map(CustomerRouteTests.isTimestamp) == true)
                #expect(event["data"].keys.isEmpty == false)
            }
            #expect(events[0]["data"]["email"].text == jane.email)
        }
    }

    @Test func theTaxIdentificationNumberNeverAppearsInTheHistory() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.send(
                .patch, "/v2/customer/\(jane.id)", key: "writer",
                json: #"{"personalInformation":{"taxIdentificationNumber":"987-65-4320"}}"#)
            let reply = try await api.events(of: jane.id)
            #expect(reply.json["events"].items.count == 2)
            for secret in ["123-45-6789", "123456789", "987-65-4320", "987654320"] {
                #expect(!reply.body.contains(secret), "the history shows \(secret)")
            }
        }
    }

    @Test func eventsArePagedByVersionWithHasMore() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            for tier in ["silver", "gold"] {
                try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"meta":{"tier":"\#(tier)"}}"#)
            }
            let first = try await api.events(of: jane.id, query: "?limit=2")
            #expect(first.status == .ok)
            #expect(first.json["events"].items.map { $0["version"].integer } == [1, 2])
            #expect(first.json["hasMore"].flag == true)
            let second = try await api.events(of: jane.id, query: "?after=2&limit=2")
            #expect(second.json["events"].items.map { $0["version"].integer } == [3])
            #expect(second.json["hasMore"].flag == false)
            let past = try await api.events(of: jane.id, query: "?after=3")
            #expect(past.status == .ok)
            #expect(past.json["events"].items.isEmpty)
            #expect(past.json["hasMore"].flag == false)
        }
    }
}
