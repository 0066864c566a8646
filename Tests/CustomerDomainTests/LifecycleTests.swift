import Testing
@testable import CustomerDomain

@Suite struct IndividualLifecycleTests {
    let jane = Fixtures.customerID.rawValue

    func statusChanges(_ events: [CustomerEvent]) -> [String] {
        events.compactMap {
            guard case .verificationProfileStatusChanged(let change) = $0 else { return nil }
            return "\(change.from.rawValue)→\(change.to.rawValue)"
        }
    }

    @Test func anIndividualIsApprovedAfterARejectedIdentityDocumentIsUploadedAgain() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))

        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane)))
        #expect(scenario.profile.criteria.pending == ["identity_document"])
        #expect(scenario.profile.status == .incomplete)

        let lastRequirement = try scenario.run(
            .recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane))
        )
        #expect(lastRequirement.map(\.type) == ["DocumentUploaded", "VerificationProfileStatusChanged"])
        #expect(scenario.profile.status == .pending)

        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .rejected, detail: "The photo is blurry.")))
        #expect(scenario.profile.criteria.errors == [CriterionError(name: "identity_document", detail: "The photo is blurry.")])
        #expect(scenario.profile.status == .incomplete)

        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(3), Fixtures.upload(.passport, for: jane)))
        #expect(scenario.profile.criteria.errors == [])
        #expect(scenario.profile.criteria.pending == ["identity_document", "liveness_report_document"])
        #expect(scenario.profile.status == .pending)

        try scenario.run(.reviewDocument(id: Fixtures.documentID(3), DocumentReview(decision: .accepted)))
        try scenario.run(.reviewDocument(id: Fixtures.documentID(2), DocumentReview(decision: .accepted)))
        #expect(scenario.profile.criteria.complete.count == 6)

        try scenario.run(.decideProfile(.kycProfileA, subject: .customer(Fixtures.customerID), ProfileDecision(decision: .approved)))
        #expect(scenario.profile.status == .approved)
        #expect(statusChanges(scenario.events) == ["incomplete→pending", "pending→incomplete", "incomplete→pending", "pending→approved"])
    }

    @Test func pendingOnceNothingIsRequired() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.idCard, for: jane)))
        let events = try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane)))
        guard case .verificationProfileStatusChanged(let change)? = events.last else {
            Issue.record("expected a status change, got \(events.map(\.type))")
            return
        }
        #expect(change.profile == .kycProfileA)
        #expect(change.subject == .customer(Fixtures.customerID))
        #expect((change.from, change.to) == (.incomplete, .pending))
        #expect(change.reason == .criteriaChanged)
    }

    @Test func aProfileWithoutTaxIdentificationStaysIncompleteWithAllDocuments() throws {
        var scenario = Scenario()
        var body = Fixtures.janeSmith
        body.personalInformation = PersonalInformation(firstName: "Jane", lastName: "Smith")
        try scenario.run(.createIndividual(id: Fixtures.customerID, body))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane)))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane)))
        #expect(scenario.profile.criteria.required == ["tax_identification_number"])
        #expect(scenario.profile.status == .incomplete)

        let tax = PersonalInformation(
            taxIdentificationNumber: "123-45-6789", taxIdentificationNumberType: .ssn, taxIdentificationNumberCountry: "USA"
        )
        try scenario.run(.updateIndividual(IndividualUpdate(personalInformation: tax)))
        #expect(scenario.profile.status == .pending)
        #expect(scenario.customer.personalInformation?.firstName == "Jane")
    }

    @Test func rejectionIsFinal() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane)))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane)))
        let subject = ProfileSubject.customer(Fixtures.customerID)
        try scenario.run(.decideProfile(.kycProfileA, subject: subject, ProfileDecision(decision: .rejected, detail: "Sanctions match.")))
        #expect(scenario.profile.status == .rejected)

        for decision in [ProfileDecision(decision: .approved), ProfileDecision(decision: .rejected, detail: "again")] {
            #expect(Outcome(deciding: .decideProfile(.kycProfileA, subject: subject, decision), on: scenario.state) == .invalid())
        }
        // Criteria keep moving, the status does not.
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .rejected, detail: "Expired.")))
        let events = try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(3), Fixtures.upload(.passport, for: jane)))
        #expect(events.map(\.type) == ["DocumentUploaded"])
        #expect(scenario.profile.status == .rejected)
    }
}

@Suite struct BusinessLifecycleTests {
    let acme = Fixtures.businessID
    let ann = Fixtures.representativeID(10)
    let bob = Fixtures.representativeID(11)

    func uploadAndAcceptPersonalDocuments(of id: RepresentativeID, firstDocument seed: UInt8, in scenario: inout Scenario) throws {
        for (offset, type) in [DocumentType.passport, .livenessReport, .proofOfAddress].enumerated() {
            let documentID = Fixtures.documentID(seed + UInt8(offset))
            try scenario.run(.recordDocumentUpload(id: documentID, Fixtures.upload(type, for: id.rawValue, target: .businessRepresentative)))
            try scenario.run(.reviewDocument(id: documentID, DocumentReview(decision: .accepted)))
        }
    }

    @Test func twoApprovedRepresentativesLetTheBusinessBeApproved() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: acme, Fixtures.acme))
        #expect(scenario.profile.criteria.required == [
            "incorporation_certificate_document", "shareholder_registry_document", "proof_of_address_document",
            "business_representatives",
        ])

        try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "60")))
        #expect(scenario.profile.criteria.pending == ["business_representatives"])
        try scenario.run(.addRepresentative(id: bob, Fixtures.representative(named: "Bob", owning: "40")))
        #expect(scenario.profile(of: ann).criteria.required == ["identity_document", "liveness_report_document", "proof_of_address_document"])

        for (seed, type) in [(1, DocumentType.incorporationCert), (2, .shareholderRegistry), (3, .proofOfAddress)] {
            try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(UInt8(seed)), Fixtures.upload(type, for: acme.rawValue)))
        }
        #expect(scenario.profile.status == .pending)
        #expect(Outcome(deciding: .removeRepresentative(id: bob), on: scenario.state) == .invalid())

        try uploadAndAcceptPersonalDocuments(of: ann, firstDocument: 20, in: &scenario)
        try uploadAndAcceptPersonalDocuments(of: bob, firstDocument: 30, in: &scenario)
        #expect(scenario.profile(of: ann).status == .pending)
        #expect(scenario.profile(of: bob).status == .pending)

        try scenario.run(.decideProfile(.uboKycProfileA, subject: .representative(ann), ProfileDecision(decision: .approved)))
        #expect(scenario.profile.criteria.pending.contains("business_representatives"))
        try scenario.run(.decideProfile(.uboKycProfileA, subject: .representative(bob), ProfileDecision(decision: .approved)))
        #expect(scenario.profile.criteria.complete.contains("business_representatives"))

        for seed: UInt8 in 1...3 {
            try scenario.run(.reviewDocument(id: Fixtures.documentID(seed), DocumentReview(decision: .accepted)))
        }
        #expect(scenario.profile.criteria.allComplete)
        try scenario.run(.decideProfile(.kybProfileA, subject: .customer(acme), ProfileDecision(decision: .approved)))
        #expect(scenario.profile.status == .approved)
    }

    @Test func aBusinessCannotBeApprovedWhileARepresentativeIsNotApproved() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: acme, Fixtures.acme))
        try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "60")))
        for (seed, type) in [(1, DocumentType.incorporationCert), (2, .shareholderRegistry), (3, .proofOfAddress)] {
            let id = Fixtures.documentID(UInt8(seed))
            try scenario.run(.recordDocumentUpload(id: id, Fixtures.upload(type, for: acme.rawValue)))
            try scenario.run(.reviewDocument(id: id, DocumentReview(decision: .accepted)))
        }
        #expect(scenario.profile.status == .pending)
        let approve = CustomerCommand.decideProfile(.kybProfileA, subject: .customer(acme), ProfileDecision(decision: .approved))
        #expect(Outcome(deciding: approve, on: scenario.state) == .invalid())
    }

    @Test func removingTheOnlyRepresentativeMakesRepresentativesRequiredAgain() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: acme, Fixtures.acme))
        try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "60")))
        try scenario.run(.removeRepresentative(id: ann))
        #expect(scenario.profile.criteria.required.last == "business_representatives")
        #expect(scenario.customer.representatives.isEmpty)
    }
}
