import Testing
@testable import CustomerDomain

/// The four-eyes rule and the provenance a status change records, decided without I/O.
@Suite struct FourEyesRuleTests {
    let jane = Fixtures.customerID.rawValue

    /// Jane with both documents uploaded; the passport reviewed by `passportReviewer`, the
    /// liveness report by `livenessReviewer`.
    func pendingJane(passportReviewer: String?, livenessReviewer: String?) throws -> Scenario {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith), by: "writer")
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane)), by: "writer")
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane)), by: "writer")
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .accepted)), by: passportReviewer)
        try scenario.run(.reviewDocument(id: Fixtures.documentID(2), DocumentReview(decision: .accepted)), by: livenessReviewer)
        return scenario
    }

    static let approve = CustomerCommand.decideProfile(.kycProfileA, subject: .customer(Fixtures.customerID), ProfileDecision(decision: .approved))
    static let reject = CustomerCommand.decideProfile(
        .kycProfileA, subject: .customer(Fixtures.customerID), ProfileDecision(decision: .rejected, detail: "Sanctions match."))

    @Test(arguments: [
        // (decider, passport's reviewer, liveness report's reviewer, four eyes on, refused?)
        ("alice", "alice", "bob", true, true),
        ("bob", "alice", "bob", true, true),
        ("carol", "alice", "bob", true, false),
        ("alice", "alice", "alice", false, false),
        ("carol", "alice", "alice", true, false),
    ] as [(String, String, String, Bool, Bool)])
    func aDecisionByAKeyThatAcceptedOneOfTheDocumentsIsRefused(
        decider: String, passportReviewer: String, livenessReviewer: String, fourEyes: Bool, refused: Bool
    ) throws {
        for command in [Self.approve, Self.reject] {
            var scenario = try pendingJane(passportReviewer: passportReviewer, livenessReviewer: livenessReviewer)
            do {
                try scenario.run(command, by: decider, fourEyes: fourEyes)
                #expect(!refused, "\(decider) decided")
            } catch {
                #expect(refused, "\(error)")
                #expect(error.code == "review/four-eyes")
                #expect(scenario.profile.status == .pending)
            }
        }
    }

    @Test func theDecisionRecordsItsDeciderRulesAndEvidence() throws {
        var scenario = try pendingJane(passportReviewer: "alice", livenessReviewer: "bob")
        let events = try scenario.run(Self.approve, by: "carol")
        guard case .verificationProfileStatusChanged(let change)? = events.first else {
            Issue.record("expected a status change, got \(events.map(\.type))")
            return
        }
        #expect(change.decidedBy == "carol")
        let evidence = try #require(change.evidence)
        #expect(evidence.documents.map(\.documentId) == [Fixtures.documentID(1), Fixtures.documentID(2)])
        #expect(evidence.documents.map(\.criterion) == ["identity_document", "liveness_report_document"])
        #expect(evidence.documents.map(\.reviewedBy) == ["alice", "bob"])
        #expect(evidence.representatives == nil)
    }

    @Test func aRejectedDocumentLeavesTheEvidenceForItsReplacement() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane)))
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .rejected, detail: "Blurred.")))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(3), Fixtures.upload(.passport, for: jane)))
        let identity = scenario.customer.evidence(of: .customer(Fixtures.customerID)).documents.filter { $0.criterion == "identity_document" }
        #expect(identity.map(\.documentId) == [Fixtures.documentID(3)])
        #expect(identity.map(\.status) == [.pending])
    }

    @Test func theRulesTextNamesEveryCriterionOfEveryTable() {
        for name in ProfileTables.kyc.criterionNames + ProfileTables.kyb.criterionNames + ProfileTables.ubo.criterionNames {
            #expect(ProfileTables.rulesText.contains("  \(name)"), "\(name)")
        }
        #expect(ProfileTables.rulesText.contains("identity_document <- drivers | id_card | passport | residence_permit"),
                "\(ProfileTables.rulesText)")
    }
}
