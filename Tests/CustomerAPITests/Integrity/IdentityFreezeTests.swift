import Foundation
import HTTPTypes
import Testing

/// Once a profile has left `incomplete`, the identity it was submitted with (names, date of
/// birth, the whole tax identification) stays, even after a rejection sends it back.
@Suite struct IdentityFreezeTests {
    @Test func anIndividualsIdentityStaysFrozenAfterARejectionSendsTheProfileBack() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let passport = try await api.upload(targetId: jane.id, documentType: "passport", country: "USA")
            let liveness = try await api.upload(targetId: jane.id, documentType: "liveness_report")
            #expect(try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader").profile.status == "pending")
            try await api.review(document: liveness.json["id"].text ?? "")
            try await api.review(document: passport.json["id"].text ?? "", "rejected", detail: "The photo is blurred.")
            #expect(try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader").profile.status == "incomplete")

            let patch = try await api.send(
                .patch, "/v2/customer/\(jane.id)", key: "writer",
                json: #"{"personalInformation":{"firstName":"Joan","lastName":"Smythe","taxIdentificationNumber":"987-65-4320"}}"#)
            #expect(patch.status == .badRequest, "\(patch.body)")
            #expect(patch.code == "request/invalid")
            #expect(Set(patch.pointers) == [
                "/personalInformation/firstName", "/personalInformation/lastName", "/personalInformation/taxIdentificationNumber",
            ])
            let after = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(after.json["firstName"].text == "Jane")
            #expect(after.json["lastName"].text == "Smith")
            // The address is not identity: it still changes.
            let moved = try await api.send(
                .patch, "/v2/customer/\(jane.id)", key: "writer",
                json: #"{"address":{"line1":"1 Main St","city":"Evanston","state":"IL","postalCode":"60201","country":"USA"}}"#)
            #expect(moved.status == .ok, "\(moved.body)")
        }
    }

    @Test func anApprovedRepresentativesIdentityCanNoLongerChange() async throws {
        try await TestApplication.withDriver { api in
            let business = try await api.createBusiness()
            let added = try await api.addRepresentative(to: business.id)
            #expect(added.status == .created, "\(added.body)")
            let representative = added.json["id"].text ?? ""
            try await api.uploadAccepted(
                targetId: representative, target: "business_representative", documentType: "passport", country: "USA")
            try await api.uploadAccepted(targetId: representative, target: "business_representative", documentType: "liveness_report")
            try await api.uploadAccepted(targetId: representative, target: "business_representative", documentType: "proof_of_address")
            let approved = try await api.decide(representative: representative)
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(approved.profile.status == "approved")

            let patch = try await api.send(
                .patch, "/v2/business-representative/\(representative)", key: "writer",
                json: #"{"personalInformation":{"firstName":"Eve","dateOfBirth":"1970-02-02"}}"#)
            #expect(patch.status == .badRequest, "\(patch.body)")
            #expect(Set(patch.pointers) == ["/personalInformation/firstName", "/personalInformation/dateOfBirth"])
            let after = try await api.send(.get, "/v2/business-representative/\(representative)", key: "reader")
            #expect(after.json["firstName"].text == "Ada")
            #expect(after.profile.status == "approved")
        }
    }
}
