import Testing

/// `POST /v2/document` (multipart) and `POST /v2/document/{id}/review`.
@Suite struct DocumentRouteTests {
    @Test func uploadingAPDFAnswers201WithTheDocumentView() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(
                targetId: jane.id, documentType: "passport", country: "USA", fileName: "passport.pdf")
            #expect(reply.status == .created, "\(reply.body)")
            let document = reply.json
            #expect(document["id"].text.map { CustomerRouteTests.hasHexSuffix($0, prefix: "document_") } == true)
            #expect(document["targetId"].text == jane.id)
            #expect(document["target"].text == "customer")
            #expect(document["documentType"].text == "passport")
            #expect(document["country"].text == "USA")
            #expect(document["fileName"].text == "passport.pdf")
            #expect(document["fileSize"].integer == Int64(SampleFiles.pdf.count))
            #expect(document["mimeType"].text == "application/pdf")
            #expect(document["sha256"].text?.wholeMatch(of: /[0-9a-f]{64}/) != nil)
            #expect(document["status"].text == "pending")
            #expect(document["createdAt"].text.map(CustomerRouteTests.isTimestamp) == true)
        }
    }

    @Test func anUploadMovesItsCriterionToPending() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let customer = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(customer.profile.pending == ["liveness_report_document"])
            #expect(customer.profile.required == ["identity_document"])
        }
    }

    @Test func acceptingADocumentAnswers200WithItsNewStatus() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let uploaded = try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let id = try #require(uploaded.json["id"].text)
            let reviewed = try await api.review(document: id)
            #expect(reviewed.status == .ok, "\(reviewed.body)")
            #expect(reviewed.json["id"].text == id)
            #expect(reviewed.json["status"].text == "accepted")
            let customer = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            #expect(customer.profile.complete.contains("liveness_report_document"))
        }
    }

    @Test func rejectingADocumentPutsItsCriterionInErrors() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let uploaded = try await api.upload(targetId: jane.id, documentType: "liveness_report")
            let reviewed = try await api.review(document: uploaded.json["id"].text ?? "", "rejected", detail: "The face is not visible.")
            #expect(reviewed.status == .ok, "\(reviewed.body)")
            #expect(reviewed.json["status"].text == "rejected")
            let customer = try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader")
            let errors = customer.json["verificationProfiles"][0]["criteria"]["errors"]
            #expect(errors.items.map { $0["name"].text } == ["liveness_report_document"])
            #expect(errors[0]["detail"].text == "The face is not visible.")
        }
    }
}
