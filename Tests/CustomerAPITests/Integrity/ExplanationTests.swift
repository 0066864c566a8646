import Testing

/// `GET …/verification-profiles/{name}/explanation`: each criterion's list, the event that put it
/// there, and the evidence, after the README walkthrough and after a replaced document.
@Suite struct ExplanationTests {
    @Test func afterTheWalkthroughEveryCriterionHasItsEventAndEvidence() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let passport = try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
            let liveness = try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
            #expect(try await api.decide(customer: jane.id, profile: "kyc_profile_a").status == .ok)

            let reply = try await api.send(.get, "/v2/customer/\(jane.id)/verification-profiles/kyc_profile_a/explanation", key: "auditor")
            #expect(reply.status == .ok, "\(reply.body)")
            let explanation = reply.json
            #expect(explanation["status"].text == "approved")
            #expect(explanation["decidedBy"].text == "approver")
            #expect(explanation["statusSince"]["version"].integer == 7)
            #expect(explanation["statusSince"]["type"].text == "VerificationProfileStatusChanged")
            #expect(explanation["statusRulesVersion"] == explanation["currentRulesVersion"])
            let criteria = explanation["criteria"].items
            #expect(Set(criteria.map { $0["name"].text ?? "" }) == [
                "email_address", "phone_number", "residential_address", "tax_identification_number",
                "identity_document", "liveness_report_document",
            ])
            #expect(criteria.allSatisfy { $0["list"].text == "complete" })
            let byName = Dictionary(uniqueKeysWithValues: criteria.map { ($0["name"].text ?? "", $0) })
            // Fields were complete from the creation on; each document criterion since its review.
            #expect(byName["email_address"]?["since"]["version"].integer == 1)
            #expect(byName["email_address"]?["since"]["actor"].text == "writer")
            #expect(byName["email_address"]?["evidence"].items.isEmpty == true)
            let identity = try #require(byName["identity_document"])
            #expect(identity["since"]["type"].text == "DocumentReviewed")
            #expect(identity["since"]["actor"].text == "reviewer")
            let document = try #require(identity["evidence"].items.first)
            #expect(document["documentId"].text == passport)
            #expect(document["sha256"].text?.count == 64)
            #expect(document["uploaded"]["type"].text == "DocumentUploaded")
            #expect(document["review"]["decision"].text == "accepted")
            #expect(document["review"]["reviewedBy"].text == "reviewer")
            #expect(document["review"]["event"]["version"] == identity["since"]["version"])
            #expect(byName["liveness_report_document"]?["evidence"].items.first?["documentId"].text == liveness)
        }
    }

    @Test func aRejectedThenReplacedDocumentShowsTheReplacement() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let blurred = try #require(try await api.upload(targetId: jane.id, documentType: "passport", country: "USA").json["id"].text)
            #expect(try await api.review(document: blurred, "rejected", detail: "The photo is blurred.").status == .ok)
            let path = "/v2/customer/\(jane.id)/verification-profiles/kyc_profile_a/explanation"
            let rejected = try await api.send(.get, path, key: "auditor").json["criteria"].items.first { $0["name"].text == "identity_document" }
            #expect(rejected?["list"].text == "errors")
            #expect(rejected?["detail"].text == "The photo is blurred.")
            #expect(rejected?["evidence"].items.first?["documentId"].text == blurred)

            let replacement = try #require(try await api.upload(targetId: jane.id, documentType: "passport", country: "USA").json["id"].text)
            let replaced = try await api.send(.get, path, key: "auditor").json["criteria"].items.first { $0["name"].text == "identity_document" }
            #expect(replaced?["list"].text == "pending")
            #expect(replaced?["since"]["version"].integer == 4)
            #expect(replaced?["evidence"].items.map { $0["documentId"].text ?? "" } == [replacement])
            #expect(replaced?["evidence"].items.first?["review"] == .null)
        }
    }

    @Test func aRepresentativesProfileIsExplainedAndUnknownOnesAreNotFound() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let ada = try #require(try await api.addRepresentative(to: acme.id).json["id"].text)
            let reply = try await api.send(
                .get, "/v2/business-representative/\(ada)/verification-profiles/ubo_kyc_profile_a/explanation", key: "auditor")
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["subjectId"].text == ada)
            #expect(reply.json["customerId"].text == acme.id)
            #expect(reply.json["criteria"].items.contains { $0["name"].text == "proof_of_address_document" && $0["list"].text == "required" })
            let wrongProfile = try await api.send(.get, "/v2/customer/\(acme.id)/verification-profiles/kyc_profile_a/explanation", key: "auditor")
            #expect(wrongProfile.status == .notFound)
            let noScope = try await api.send(.get, "/v2/customer/\(acme.id)/verification-profiles/kyb_profile_a/explanation", key: "reader")
            #expect(noScope.status == .forbidden)
        }
    }
}
