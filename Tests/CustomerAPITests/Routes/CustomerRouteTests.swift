import Foundation
import Testing

/// The success path of each `/v2/customer` route: its status code and its JSON shape.
@Suite struct CustomerRouteTests {
    @Test func creatingAnIndividualAnswers201WithTheCustomerView() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = jane.reply
            #expect(reply.status == .created)
            #expect(reply.headers[.contentType] == "application/json")
            #expect(reply.json["id"].text.map(Self.isCustomerID) == true, "\(reply.body)")
            #expect(reply.json["type"].text == "individual")
            #expect(reply.json["email"].text == jane.email)
            #expect(reply.json["phone"].text == "+14155550123")
            #expect(reply.json["firstName"].text == "Jane")
            #expect(reply.json["lastName"].text == "Smith")
            #expect(reply.json["address"]["country"].text == "USA")
            #expect(reply.json["address"]["state"].text == "IL")
            #expect(reply.json["createdAt"].text.map(Self.isTimestamp) == true)
            #expect(reply.json["updatedAt"].text == reply.json["createdAt"].text)
            #expect(reply.profile.name == "kyc_profile_a")
            #expect(!reply.body.contains("123-45-6789"), "the tax identification number is never returned")
        }
    }

    @Test func creatingABusinessAnswers201WithItsAddressesAndNames() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let reply = acme.reply
            #expect(reply.json["type"].text == "business")
            #expect(reply.json["businessLegalName"].text == "Acme Robotics Inc.")
            #expect(reply.json["businessTradeName"].text == "Acme")
            #expect(reply.json["addresses"].items.compactMap { $0["type"].text } == ["registered", "operating"])
            #expect(reply.json["address"] == .null)
            #expect(reply.profile.name == "kyb_profile_a")
            #expect(reply.profile.status == "incomplete")
        }
    }

    @Test func gettingACustomerAnswers200WithTheViewTheCreateReturned() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(reply.status == .ok)
            #expect(reply.json == jane.reply.json)
        }
    }

    @Test func listingFiltersByEmailAndDescribesThePage() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(.get, "/v2/customer?email=\(jane.email)", key: "reader")
            #expect(reply.status == .ok)
            #expect(reply.json["customers"].items.map { $0["id"].text } == [jane.id])
            #expect(reply.json["customers"][0] == jane.reply.json)
            let pagination = reply.json["pagination"]
            #expect(pagination["page"].integer == 1)
            #expect(pagination["limit"].integer == 10)
            #expect(pagination["total"].integer == 1)
            #expect(pagination["totalPages"].integer == 1)
            #expect(pagination["hasNext"].flag == false)
            #expect(pagination["hasPrevious"].flag == false)
        }
    }

    @Test func listingIsNewestFirstAndPagesBySearch() async throws {
        try await TestApplication.withDriver { api in
            let token = "pager\(UUID().uuidString.prefix(8).lowercased())"
            var ids: [String] = []
            for n in 1...3 {
                let reply = try await api.send(
                    .post, "/v2/customer", key: "writer", json: APIFixtures.individual(email: "\(token).\(n)@example.com"))
                #expect(reply.status == .created)
                ids.append(reply.json["id"].text ?? "")
            }
            let first = try await api.send(.get, "/v2/customer?search=\(token)&limit=2", key: "reader")
            #expect(first.json["customers"].items.map { $0["id"].text } == [ids[2], ids[1]])
            #expect(first.json["pagination"]["total"].integer == 3)
            #expect(first.json["pagination"]["totalPages"].integer == 2)
            #expect(first.json["pagination"]["hasNext"].flag == true)
            let second = try await api.send(.get, "/v2/customer?search=\(token)&limit=2&page=2", key: "reader")
            #expect(second.json["customers"].items.map { $0["id"].text } == [ids[0]])
            #expect(second.json["pagination"]["hasNext"].flag == false)
            #expect(second.json["pagination"]["hasPrevious"].flag == true)
        }
    }

    @Test func listingFiltersByTypeAndStatus() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let businesses = try await api.send(
                .get, "/v2/customer?type=business&status=incomplete&email=\(acme.email)", key: "reader")
            #expect(businesses.json["customers"].items.map { $0["id"].text } == [acme.id])
            let individuals = try await api.send(.get, "/v2/customer?type=individual&email=\(acme.email)", key: "reader")
            #expect(individuals.status == .ok)
            #expect(individuals.json["customers"].items.isEmpty)
            #expect(individuals.json["pagination"]["total"].integer == 0)
        }
    }

    @Test func patchingAnIndividualAnswers200WithTheUpdatedView() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.send(
                .patch, "/v2/customer/\(jane.id)", key: "writer",
                json: #"{"address":{"line1":"1 Infinite Loop","city":"Cupertino","state":"CA","postalCode":"95014","country":"USA"},"meta":{"segment":"retail","score":7}}"#)
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["address"]["city"].text == "Cupertino")
            #expect(reply.json["meta"] == .object(["segment": .string("retail"), "score": .integer(7)]))
            #expect(reply.json["id"].text == jane.id)
            #expect(reply.json["createdAt"] == jane.reply.json["createdAt"])
            let replaced = try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"meta":{"tier":"gold"}}"#)
            #expect(replaced.json["meta"] == .object(["tier": .string("gold")]), "meta is replaced as a whole")
            let read = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(read.json == replaced.json)
        }
    }

    @Test func gettingAsOfVersion1ShowsTheCustomerAsCreated() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"meta":{"tier":"gold"}}"#)
            let then = try await api.send(.get, "/v2/customer/\(jane.id)?asOfVersion=1", key: "reader")
            #expect(then.status == .ok)
            #expect(then.json == jane.reply.json)
            let now = try await api.send(.get, "/v2/customer/\(jane.id)?asOfVersion=2", key: "reader")
            #expect(now.json["meta"]["tier"].text == "gold")
        }
    }

    @Test func gettingAsOfATimeShowsTheCustomerAsItWasThen() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await Task.sleep(for: .milliseconds(50))
            let between = Self.iso8601(Date())
            try await Task.sleep(for: .milliseconds(50))
            try await api.send(.patch, "/v2/customer/\(jane.id)", key: "writer", json: #"{"meta":{"tier":"gold"}}"#)
            let then = try await api.send(.get, "/v2/customer/\(jane.id)?asOf=\(between)", key: "reader")
            #expect(then.status == .ok, "\(then.body)")
            #expect(then.json == jane.reply.json)
        }
    }

    /// The history shows `recordedAt` to the millisecond while the log keeps microseconds, so
    /// the time a client copies from an event usually lies just before that event was recorded.
    @Test func anAsOfTimeCopiedFromTheHistoryIncludesThatEvent() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let recordedAt = try #require(try await api.events(of: jane.id).json["events"][0]["recordedAt"].text)
            let then = try await api.send(.get, "/v2/customer/\(jane.id)?asOf=\(recordedAt)", key: "reader")
            #expect(then.status == .ok, "\(then.body)")
            #expect(then.json == jane.reply.json)
        }
    }

    static func isCustomerID(_ id: String) -> Bool { hasHexSuffix(id, prefix: "customer_") }

    static func hasHexSuffix(_ id: String, prefix: String) -> Bool {
        id.hasPrefix(prefix) && id.dropFirst(prefix.count).count == 32
            && id.dropFirst(prefix.count).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// `2026-03-09T20:46:31.305Z`: UTC with milliseconds.
    static func isTimestamp(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
