import Testing

/// Four eyes: the key that accepted one of a profile's documents does not also decide it; a
/// decision by another key names both reviewers, and records the rules and evidence it rested on.
@Suite struct FourEyesTests {
    @Test func theKeyThatAcceptedADocumentCannotDecideTheProfile() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let passport = try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
            try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
            let refused = try await api.decide(customer: jane.id, profile: "kyc_profile_a", "approved", key: "reviewer")
            #expect(refused.status.code == 403, "\(refused.body)")
            #expect(refused.json["code"].text == "review/four-eyes")
            #expect(refused.json["detail"].text?.contains("reviewer accepted document \(passport)") == true, "\(refused.body)")
            // Nothing was written: the profile still waits, and another key decides it.
            let read = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(read.profile.status == "pending")
            let approved = try await api.decide(customer: jane.id, profile: "kyc_profile_a", "approved", key: "approver")
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(approved.profile.status == "approved")
        }
    }

    @Test func aRepresentativesProfileIsDecidedWithFourEyesToo() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let ada = try #require(try await api.addRepresentative(to: acme.id).json["id"].text)
            for (type, country) in DecisionRouteTests.representativeDocuments {
                try await api.uploadAccepted(targetId: ada, target: "business_representative", documentType: type, country: country)
            }
            let refused = try await api.decide(representative: ada, key: "reviewer")
            #expect(refused.status.code == 403, "\(refused.body)")
            #expect(refused.json["code"].text == "review/four-eyes")
            #expect(try await api.decide(representative: ada, key: "approver").status == .ok)
        }
    }

    @Test func theDecisionEventNamesBothReviewersTheRulesAndTheEvidence() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let passport = try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
            let liveness = try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
            #expect(try await api.decide(customer: jane.id, profile: "kyc_profile_a").status == .ok)
            let events = try await api.events(of: jane.id).json["events"].items
            let decision = try #require(events.last)["data"]
            #expect(decision["reason"].text == "review_decision")
            #expect(decision["decidedBy"].text == "approver")
            #expect(decision["rulesVersion"].text?.hasPrefix("sha256:") == true, "\(decision)")
            let evidence = decision["evidence"]["documents"].items
            #expect(evidence.map { $0["documentId"].text ?? "" } == [passport, liveness])
            #expect(evidence.map { $0["criterion"].text ?? "" } == ["identity_document", "liveness_report_document"])
            #expect(evidence.allSatisfy { $0["reviewedBy"].text == "reviewer" && $0["status"].text == "accepted" })
            #expect(evidence.allSatisfy { ($0["sha256"].text ?? "").count == 64 })
            // The automatic move to pending (on the second upload) records the same rules version and
            // the evidence as it stood then: the passport accepted, the liveness report waiting.
            let pending = try #require(events.first { $0["data"]["to"].text == "pending" })["data"]
            #expect(pending["rulesVersion"] == decision["rulesVersion"])
            #expect(pending["evidence"]["documents"].items.map { $0["status"].text ?? "" } == ["accepted", "pending"])
        }
    }
}
