import Foundation
import Testing

/// A client written against SpherePay's documentation, unchanged: a business with SpherePay's
/// newer `businessInformation` fields, two representatives sent as SpherePay documents them
/// (`type: individual`, the newer personal fields), documents under SpherePay's spellings, reviews
/// and decisions, until `kyb_profile_a` is approved.
@Suite struct SpherePayWalkthroughTests {
    static func representative(of business: String, firstName: String, ownership: String) -> String {
        """
        {"type":"individual","customerId":"\(business)","email":"\(APIFixtures.uniqueEmail(firstName.lowercased()))",
         "phone":"+14155550150",
         "address":{"line1":"10 Congress Ave","line2":"Suite 200","city":"Austin","state":"TX","postalCode":"73301","country":"USA"},
         "personalInformation":{"firstName":"\(firstName)","lastName":"Owner","dateOfBirth":"1980-01-01","gender":"female",
           "nationality":"USA","countryOfBirth":"CAN","residencyCountry":"USA","occupationSocCode":"11-1011",
           "sourceOfFunds":"salary","taxIdentificationNumber":"987-65-4321","taxIdentificationNumberType":"ssn",
           "taxIdentificationNumberCountry":"USA"},
         "representationDetails":{"roles":["ubo","director"],"ownershipPercentage":"\(ownership)","isControlPerson":true,
           "isSigner":true,"relationshipEstablishedAt":"2015-06-01","title":"Director"}}
        """
    }

    @Test func aSpherePayShapedBusinessIsOnboardedToApproval() async throws {
        try await TestApplication.withDriver { api in
            let body = APIFixtures.business(email: APIFixtures.uniqueEmail("acme"), adding: [
                "estimatedAnnualRevenueInUsd": #""12000000""#, "expectedMonthlyPaymentsInUsd": #""250000""#,
                "regulatedActivities": #"["money_transmission"]"#,
            ])
            let created = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(created.status == .created, "\(created.body)")
            let acme = try #require(created.json["id"].text)
            #expect(created.json["businessInformation"]["regulatedActivities"].texts == ["money_transmission"])

            var owners: [String] = []
            for (name, share) in [("Ada", "60"), ("Bob", "40")] {
                let added = try await api.send(
                    .post, "/v2/business-representative", key: "writer",
                    json: Self.representative(of: acme, firstName: name, ownership: share))
                #expect(added.status == .created, "\(added.body)")
                #expect(added.json["type"].text == "individual")
                #expect(added.json["personalInformation"]["occupationSocCode"].text == "11-1011")
                #expect(!added.body.contains("987-65-4321"))
                owners.append(try #require(added.json["id"].text))
            }
            for owner in owners {
                // SpherePay's spelling of a driver's licence: recorded as `drivers`, answered as sent.
                let licence = try await api.upload(
                    targetId: owner, target: "business_representative", documentType: "drivers_license", country: "USA")
                #expect(licence.status == .created, "\(licence.body)")
                #expect(licence.json["documentType"].text == "drivers_license")
                #expect(licence.json["canonicalDocumentType"].text == "drivers")
                #expect(try await api.review(document: licence.json["id"].text ?? "").status == .ok)
                for type in ["liveness_report", "proof_of_address"] {
                    try await api.uploadAccepted(targetId: owner, target: "business_representative", documentType: type)
                }
                let approved = try await api.decide(representative: owner)
                #expect(approved.status == .ok, "\(approved.body)")
                #expect(approved.profile.status == "approved")
            }
            for type in ["incorporation_certificate", "shareholder_registry", "proof_of_address", "directors_registry"] {
                let uploaded = try await api.upload(targetId: acme, documentType: type)
                #expect(uploaded.status == .created, "\(type): \(uploaded.body)")
                #expect(uploaded.json["documentType"].text == type)
                let reviewed = try await api.review(document: uploaded.json["id"].text ?? "")
                #expect(reviewed.json["status"].text == "accepted", "\(reviewed.body)")
            }
            let ready = try await api.send(.get, "/v2/customer/\(acme)", key: "reader")
            #expect(ready.profile.status == "pending", "\(ready.body)")
            #expect(ready.profile.required.isEmpty && ready.profile.pending.isEmpty && ready.profile.errors.isEmpty)
            let approved = try await api.decide(customer: acme, profile: "kyb_profile_a", "approved")
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(approved.profile.status == "approved")

            let list = try await api.send(.get, "/v2/business-representative?customerId=\(acme)", key: "reader")
            #expect(list.json["data"].items.compactMap { $0["id"].text } == owners)
            #expect(list.json["pagination"]["total"] == .integer(2))
            // The history records the canonical name, and the spelling that was sent.
            let history = try await api.events(of: acme, query: "?limit=100")
            let uploads = history.json["events"].items.filter { $0["type"].text == "DocumentUploaded" }
            #expect(uploads.contains { $0["data"]["documentType"].text == "incorporation_cert"
                && $0["data"]["documentTypeAsSent"].text == "incorporation_certificate" })
        }
    }

    @Test func aRepresentativeWithoutItsTypeIsRefusedAtThePointer() async throws {
        try await TestApplication.withDriver { api in
            let acme = try await api.createBusiness()
            let body = Self.representative(of: acme.id, firstName: "Ada", ownership: "10")
            for (type, detail) in [(nil, "is required"), (#""business""#, "must be one of")] as [(String?, String)] {
                let changed = type.map { body.replacingOccurrences(of: #""type":"individual""#, with: #""type":\#($0)"#) }
                    ?? body.replacingOccurrences(of: #""type":"individual","#, with: "")
                let reply = try await api.send(.post, "/v2/business-representative", key: "writer", json: changed)
                #expect(reply.status == .unprocessableContent, "\(reply.body)")
                #expect(reply.pointers == ["/type"])
                #expect(reply.body.contains(detail))
            }
        }
    }

    @Test func theCustomerListIsSortedAsAsked() async throws {
        try await TestApplication.withDriver { api in
            let first = try await api.createJane()
            let second = try await api.createJane()
            // The first customer changes last.
            let patched = try await api.send(.patch, "/v2/customer/\(first.id)", key: "writer", json: #"{"meta":{"touched":true}}"#)
            #expect(patched.status == .ok, "\(patched.body)")
            func page(_ sort: String) async throws -> [(id: String, createdAt: String, updatedAt: String)] {
                let reply = try await api.send(.get, "/v2/customer?limit=100&sort=\(sort)", key: "reader")
                #expect(reply.status == .ok, "\(reply.body)")
                return reply.json["customers"].items.map {
                    ($0["id"].text ?? "", $0["createdAt"].text ?? "", $0["updatedAt"].text ?? "")
                }
            }
            func ours(_ rows: [(id: String, createdAt: String, updatedAt: String)]) -> [String] {
                rows.map(\.id).filter { [first.id, second.id].contains($0) }
            }
            #expect(ours(try await page("-createdAt")) == [second.id, first.id])
            #expect(ours(try await page("-updatedAt")) == [first.id, second.id])
            // Other tests' customers fill the oldest pages: check the order itself there.
            let oldest = try await page("createdAt").map(\.createdAt)
            #expect(oldest == oldest.sorted())
            let leastRecent = try await page("updatedAt").map(\.updatedAt)
            #expect(leastRecent == leastRecent.sorted())
            let bad = try await api.send(.get, "/v2/customer?sort=name", key: "reader")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.pointers == ["/sort"])
        }
    }
}
