import Testing

/// The README's walkthrough, step by step, checking every response a newcomer will see.
@Suite struct IndividualWalkthroughTests {
    static let kycBase = ["email_address", "phone_number", "residential_address", "tax_identification_number"]

    @Test func theReadmeWalkthroughTakesJaneSmithFromCreationToApproval() async throws {
        try await TestApplication.withDriver { api in
            // 1. Create Jane Smith: the profile is exactly the contract's.
            let jane = try await api.createJane(key: "writer")
            #expect(jane.reply.status == .created)
            let created = ProfileSnapshot(
                name: "kyc_profile_a", status: "incomplete", complete: Self.kycBase,
                required: ["identity_document", "liveness_report_document"])
            #expect(jane.reply.profile == created)
            #expect(jane.reply.json["verificationProfiles"][0]["criteria"]["pending"] == .array([]))
            #expect(jane.reply.json["verificationProfiles"][0]["criteria"]["errors"] == .array([]))

            // 2. Upload her passport: identity_document is pending, the profile still incomplete.
            let passport = try await api.upload(targetId: jane.id, documentType: "passport", country: "USA", fileName: "passport.pdf")
            #expect(passport.status == .created, "\(passport.body)")
            #expect(passport.json["status"].text == "pending")
            #expect(passport.json["country"].text == "USA")
            let afterPassport = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(afterPassport.profile == ProfileSnapshot(
                name: "kyc_profile_a", status: "incomplete", complete: Self.kycBase,
                pending: ["identity_document"], required: ["liveness_report_document"]))

            // 3. Upload the liveness report: nothing is required any more, so the profile is pending.
            let liveness = try await api.upload(targetId: jane.id, documentType: "liveness_report", fileName: "liveness.pdf")
            #expect(liveness.status == .created, "\(liveness.body)")
            let afterLiveness = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(afterLiveness.profile == ProfileSnapshot(
                name: "kyc_profile_a", status: "pending", complete: Self.kycBase,
                pending: ["identity_document", "liveness_report_document"]))

            // 4. A reviewer (reviews:write) accepts both: every criterion is complete.
            for document in [passport, liveness] {
                let reviewed = try await api.review(document: document.json["id"].text ?? "")
                #expect(reviewed.status == .ok, "\(reviewed.body)")
                #expect(reviewed.json["status"].text == "accepted")
            }
            let reviewed = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(reviewed.profile == ProfileSnapshot(
                name: "kyc_profile_a", status: "pending",
                complete: Self.kycBase + ["identity_document", "liveness_report_document"]))

            // 5. Approve kyc_profile_a.
            let approved = try await api.decide(customer: jane.id, profile: "kyc_profile_a", "approved")
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(approved.profile.status == "approved")
            let read = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(read.json == approved.json)

            // 6. The history: every command's events in order, each with who sent it.
            let history = try await api.events(of: jane.id)
            #expect(history.status == .ok)
            let events = history.json["events"].items
            #expect(events.map { $0["type"].text ?? "" } == [
                "IndividualCustomerCreated", "DocumentUploaded", "DocumentUploaded", "VerificationProfileStatusChanged",
                "DocumentReviewed", "DocumentReviewed", "VerificationProfileStatusChanged",
            ])
            #expect(events.map { $0["metadata"]["actor"].text ?? "" } == [
                "writer", "writer", "writer", "writer", "reviewer", "reviewer", "approver",
            ])
            #expect(events.map { $0["version"].integer ?? 0 } == Array(1...7))
            #expect(events[3]["data"]["to"].text == "pending")
            #expect(events[6]["data"]["to"].text == "approved")
            #expect(history.json["hasMore"].flag == false)
            #expect(!history.body.contains("123-45-6789"))

            // 7. As of version 1: the customer exactly as right after creation.
            let first = try await api.send(.get, "/v2/customer/\(jane.id)?asOfVersion=1", key: "reader")
            #expect(first.status == .ok)
            #expect(first.profile == created)
            #expect(first.json == jane.reply.json)
        }
    }
}
