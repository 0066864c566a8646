import Testing

/// `/v2/business-representative`: create, list, get, patch and delete.
@Suite struct RepresentativeRouteTests {
    @Test func addingARepresentativeAnswers201WithItsView() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let reply = try await api.addRepresentative(to: acme.id, ownership: "60")
            #expect(reply.status == .created, "\(reply.body)")
            let view = reply.json
            #expect(view["id"].text.map { CustomerRouteTests.hasHexSuffix($0, prefix: "associatedPerson_") } == true)
            #expect(view["customerId"].text == acme.id)
            #expect(view["type"].text == "individual")
            #expect(view["firstName"].text == "Ada")
            #expect(view["lastName"].text == "Owner")
            #expect(view["address"]["state"].text == "TX")
            #expect(view["representationDetails"]["ownershipPercentage"].text == "60")
            #expect(view["representationDetails"]["roles"].texts == ["ubo", "director"])
            #expect(reply.profile == ProfileSnapshot(
                name: "ubo_kyc_profile_a", status: "incomplete",
                complete: ["email_address", "phone_number", "residential_address", "tax_identification_number", "representation_details"],
                required: ["identity_document", "liveness_report_document", "proof_of_address_document"]))
            #expect(!reply.body.contains("987-65-4321"), "the tax identification number is never returned")
        }
    }

    @Test func listingShowsTheBusinessRepresentativesInTheOrderAdded() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let ada = try await api.addRepresentative(to: acme.id, ownership: "60", firstName: "Ada")
            let bob = try await api.addRepresentative(to: acme.id, ownership: "40", firstName: "Bob")
            let reply = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)", key: "reader")
            #expect(reply.status == .ok)
            #expect(reply.json["data"].items == [ada.json, bob.json])
            #expect(reply.json["pagination"] == .object([
                "page": .integer(1), "limit": .integer(10), "total": .integer(2), "totalPages": .integer(1),
                "hasNext": .bool(false), "hasPrevious": .bool(false),
            ]))
            let second = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)&limit=1&page=2", key: "reader")
            #expect(second.json["data"].items == [bob.json])
            #expect(second.json["pagination"]["hasPrevious"] == .bool(true))
            #expect(second.json["pagination"]["totalPages"] == .integer(2))
            let beyond = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)&limit=1&page=3", key: "reader")
            #expect(beyond.json["data"].items.isEmpty)
            #expect(beyond.json["pagination"]["total"] == .integer(2))
            let bad = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)&limit=0", key: "reader")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.pointers == ["/limit"])
        }
    }

    @Test func gettingARepresentativeAnswers200WithTheViewTheCreateReturned() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let ada = try await api.addRepresentative(to: acme.id)
            let reply = try await api.send(.get, "/v2/business-representative/\(ada.json["id"].text ?? "")", key: "reader")
            #expect(reply.status == .ok)
            #expect(reply.json == ada.json)
        }
    }

    @Test func patchingARepresentativeAnswers200WithTheUpdatedView() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let id = try await api.addRepresentative(to: acme.id).json["id"].text ?? ""
            let reply = try await api.send(
                .patch, "/v2/business-representative/\(id)", key: "writer",
                json: #"{"phone":"+442071838750","representationDetails":{"title":"Chair","ownershipPercentage":"55"}}"#)
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["phone"].text == "+442071838750")
            #expect(reply.json["representationDetails"]["title"].text == "Chair")
            #expect(reply.json["representationDetails"]["ownershipPercentage"].text == "55")
            let read = try await api.send(.get, "/v2/business-representative/\(id)", key: "reader")
            #expect(read.json == reply.json)
        }
    }

    @Test func deletingARepresentativeAnswersOkAndItIsGone() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let id = try await api.addRepresentative(to: acme.id).json["id"].text ?? ""
            let reply = try await api.send(.delete, "/v2/business-representative/\(id)", key: "writer")
            #expect(reply.status == .ok)
            #expect(reply.body == #"{"ok":true}"#)
            let read = try await api.send(.get, "/v2/business-representative/\(id)", key: "reader")
            #expect(read.status == .notFound)
            let list = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)", key: "reader")
            #expect(list.json["data"].items.isEmpty)
        }
    }
}
