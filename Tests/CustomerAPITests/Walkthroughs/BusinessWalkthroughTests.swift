import Testing

/// A business from creation to an approved KYB profile: two representatives, their documents
/// and decisions, then the business's own documents.
@Suite struct BusinessWalkthroughTests {
    static let kybBase = ["email_address", "phone_number", "registered_address", "operating_address", "business_information"]
    static let kybDocuments = ["incorporation_certificate_document", "shareholder_registry_document", "proof_of_address_document"]
    static let uboBase = ["email_address", "phone_number", "residential_address", "tax_identification_number", "representation_details"]
    static let uboDocuments = ["identity_document", "liveness_report_document", "proof_of_address_document"]

    @Test func aBusinessWithTwoApprovedRepresentativesGetsItsKYBProfileApproved() async throws {
        try await TestApplication.withDriver { api in
            // The business: everything but documents and representatives is complete.
            let acme = try await api.createBusiness()
            #expect(acme.reply.profile == ProfileSnapshot(
                name: "kyb_profile_a", status: "incomplete", complete: Self.kybBase,
                required: Self.kybDocuments + ["business_representatives"]))

            // Two beneficial owners, 60 % and 40 %: the criterion waits for their approval.
            let ada = try await api.addRepresentative(to: acme.id, ownership: "60", firstName: "Ada")
            let bob = try await api.addRepresentative(to: acme.id, ownership: "40", firstName: "Bob")
            #expect(ada.status == .created, "\(ada.body)")
            #expect(bob.status == .created, "\(bob.body)")
            let withOwners = try await api.send(.get, "/v2/customer/\(acme.id)", key: "reader")
            #expect(withOwners.profile == ProfileSnapshot(
                name: "kyb_profile_a", status: "incomplete", complete: Self.kybBase,
                pending: ["business_representatives"], required: Self.kybDocuments))

            // Each owner: passport, liveness report and proof of address, accepted; then approved.
            for owner in [ada, bob] {
                let id = try #require(owner.json["id"].text)
                #expect(owner.profile == ProfileSnapshot(
                    name: "ubo_kyc_profile_a", status: "incomplete", complete: Self.uboBase, required: Self.uboDocuments))
                for (type, country) in DecisionRouteTests.representativeDocuments {
                    try await api.uploadAccepted(
                        targetId: id, target: "business_representative", documentType: type, country: country)
                }
                let reviewed = try await api.send(.get, "/v2/business-representative/\(id)", key: "reader")
                #expect(reviewed.profile == ProfileSnapshot(
                    name: "ubo_kyc_profile_a", status: "pending", complete: Self.uboBase + Self.uboDocuments))
                let approved = try await api.decide(representative: id)
                #expect(approved.status == .ok, "\(approved.body)")
                #expect(approved.profile.status == "approved")
            }
            let ownersApproved = try await api.send(.get, "/v2/customer/\(acme.id)", key: "reader")
            #expect(ownersApproved.profile == ProfileSnapshot(
                name: "kyb_profile_a", status: "incomplete", complete: Self.kybBase + ["business_representatives"],
                required: Self.kybDocuments))

            // The business's own papers: once all are uploaded the profile is pending; accepted, all complete.
            var documents: [String] = []
            for type in ["incorporation_cert", "shareholder_registry", "proof_of_address"] {
                let uploaded = try await api.upload(targetId: acme.id, documentType: type)
                #expect(uploaded.status == .created, "\(type): \(uploaded.body)")
                documents.append(uploaded.json["id"].text ?? "")
            }
            let uploaded = try await api.send(.get, "/v2/customer/\(acme.id)", key: "reader")
            #expect(uploaded.profile == ProfileSnapshot(
                name: "kyb_profile_a", status: "pending", complete: Self.kybBase + ["business_representatives"],
                pending: Self.kybDocuments))
            for document in documents {
                let reviewed = try await api.review(document: document)
                #expect(reviewed.status == .ok, "\(reviewed.body)")
            }
            let reviewed = try await api.send(.get, "/v2/customer/\(acme.id)", key: "reader")
            #expect(reviewed.profile.status == "pending")
            #expect(reviewed.profile.pending.isEmpty && reviewed.profile.required.isEmpty && reviewed.profile.errors.isEmpty)
            #expect(Set(reviewed.profile.complete) == Set(Self.kybBase + Self.kybDocuments + ["business_representatives"]))

            // The KYB decision.
            let approved = try await api.decide(customer: acme.id, profile: "kyb_profile_a", "approved")
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(approved.profile.status == "approved")
            let representatives = try await api.send(.get, "/v2/business-representative?customerId=\(acme.id)", key: "reader")
            #expect(representatives.json["data"].items.map { ProfileSnapshot($0["verificationProfiles"][0]).status }
                == ["approved", "approved"])
        }
    }
}
