import Testing

/// `POST …/verification-profiles/{name}/decision` for a customer and for a representative.
@Suite struct DecisionRouteTests {
    static let representativeDocuments: [(type: String, country: String?)] = [
        ("passport", "USA"), ("liveness_report", nil), ("proof_of_address", nil),
    ]

    @Test func approvingACompleteCustomerProfileAnswers200WithTheApprovedCustomer() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
            try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
            let reply = try await api.decide(customer: jane.id, profile: "kyc_profile_a", "approved")
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["id"].text == jane.id)
            #expect(reply.profile.status == "approved")
        }
    }

    @Test func rejectingAPendingCustomerProfileAnswers200WithTheRejectedCustomer() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.upload(targetId: jane.id, documentType: "passport", country: "USA")
            try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let reply = try await api.send(
                .post, "/v2/customer/\(jane.id)/verification-profiles/kyc_profile_a/decision", key: "reviewer",
                json: #"{"decision":"rejected","detail":"Sanctions list match."}"#)
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.profile.status == "rejected")
        }
    }

    @Test func approvingARepresentativeProfileAnswers200WithTheApprovedRepresentative() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let ada = try #require(try await api.addRepresentative(to: acme.id).json["id"].text)
            for (type, country) in Self.representativeDocuments {
                try await api.uploadAccepted(targetId: ada, target: "business_representative", documentType: type, country: country)
            }
            let reply = try await api.decide(representative: ada)
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["id"].text == ada)
            #expect(reply.profile.name == "ubo_kyc_profile_a")
            #expect(reply.profile.status == "approved")
        }
    }
}
