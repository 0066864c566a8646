import Testing
@testable import CustomerDomain

@Suite struct BusinessRuleTests {
    let jane = Fixtures.customerID
    let acme = Fixtures.businessID

    func janePending() throws -> Scenario {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: jane.rawValue)))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(2), Fixtures.upload(.livenessReport, for: jane.rawValue)))
        return scenario
    }

    @Test func aCustomerIsCreatedOnlyOnce() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        #expect(throws: CustomerError.alreadyExists(acme)) {
            try decide(.createBusiness(id: acme, Fixtures.acme), state: scenario.state, context: Fixtures.context)
        }
    }

    @Test func commandsOnAnEmptyStreamFindNoCustomer() {
        #expect(throws: CustomerError.notFound(.customer(nil))) {
            try decide(.updateIndividual(IndividualUpdate(meta: [:])), state: .initial, context: Fixtures.context)
        }
    }

    @Test func onlyIndividualsCanBePatched() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: acme, Fixtures.acme))
        #expect(Outcome(deciding: .updateIndividual(IndividualUpdate(meta: [:])), on: scenario.state) == .invalid())
    }

    @Test func namesCanChangeWhileTheProfileIsIncomplete() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        try scenario.run(.updateIndividual(IndividualUpdate(personalInformation: PersonalInformation(firstName: "Janet"))))
        #expect(scenario.customer.personalInformation?.firstName == "Janet")
        #expect(scenario.customer.personalInformation?.taxIdentificationNumber == "123-45-6789")
    }

    static let frozenFields: [(String, PersonalInformation)] = [
        ("firstName", PersonalInformation(firstName: "Janet")),
        ("lastName", PersonalInformation(lastName: "Smyth")),
        ("dateOfBirth", PersonalInformation(dateOfBirth: "1991-04-12")),
        ("taxIdentificationNumber", PersonalInformation(taxIdentificationNumber: "999-99-9999")),
        ("taxIdentificationNumberType", PersonalInformation(taxIdentificationNumberType: .itin)),
    ]

    @Test(arguments: frozenFields)
    func identityFieldsAreFrozenOnceTheProfileLeftIncomplete(field: String, patch: PersonalInformation) throws {
        let scenario = try janePending()
        let update = CustomerCommand.updateIndividual(IndividualUpdate(personalInformation: patch))
        #expect(Outcome(deciding: update, on: scenario.state) == .invalid("/personalInformation/" + field))
    }

    @Test func repeatingAFrozenValueIsNotAChange() throws {
        let scenario = try janePending()
        let update = CustomerCommand.updateIndividual(IndividualUpdate(personalInformation: PersonalInformation(firstName: "Jane")))
        #expect(Outcome(deciding: update, on: scenario.state) == .valid)
    }

    @Test func addressAndMetaCanChangeWhileTheProfileIsPending() throws {
        var scenario = try janePending()
        let moved = Address(line1: "1 Infinite Loop", city: "Cupertino", state: "CA", postalCode: "95014", country: "USA")
        try scenario.run(.updateIndividual(IndividualUpdate(address: moved, meta: ["tier": .string("gold")])))
        #expect(scenario.customer.address == PostalAddress(moved))
        #expect(scenario.profile.status == .pending)
    }

    @Test func metaIsReplacedAsAWholeObject() throws {
        var scenario = Scenario()
        var body = Fixtures.janeSmith
        body.meta = ["a": .number(1), "b": .number(2)]
        try scenario.run(.createIndividual(id: jane, body))
        try scenario.run(.updateIndividual(IndividualUpdate(meta: ["c": .bool(true)])))
        #expect(scenario.customer.meta == ["c": .bool(true)])
    }

    @Test func anEmptyPatchRecordsNothing() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        #expect(try scenario.run(.updateIndividual(IndividualUpdate())).isEmpty)
    }

    @Test func individualsHaveNoRepresentatives() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        let add = CustomerCommand.addRepresentative(id: Fixtures.representativeID(10), Fixtures.representative(named: "Ann", owning: "10"))
        #expect(Outcome(deciding: add, on: scenario.state) == .invalid())
    }

    @Test func changingAnUnknownRepresentativeFindsNothing() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: acme, Fixtures.acme))
        let ghost = Fixtures.representativeID(77)
        #expect(throws: CustomerError.notFound(.representative(ghost))) {
            try decide(.removeRepresentative(id: ghost), state: scenario.state, context: Fixtures.context)
        }
        #expect(throws: CustomerError.notFound(.representative(ghost))) {
            try decide(.updateRepresentative(id: ghost, RepresentativeUpdate(phone: "+14155550199")), state: scenario.state, context: Fixtures.context)
        }
    }

    @Test func anIncompleteProfileCannotBeDecided() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        let reject = CustomerCommand.decideProfile(.kycProfileA, subject: .customer(jane), ProfileDecision(decision: .rejected, detail: "x"))
        #expect(Outcome(deciding: reject, on: scenario.state) == .invalid())
    }

    @Test func approvalNeedsEveryCriterionComplete() throws {
        let scenario = try janePending()
        let approve = CustomerCommand.decideProfile(.kycProfileA, subject: .customer(jane), ProfileDecision(decision: .approved))
        let error = try #require(throws: CustomerError.self) {
            try decide(approve, state: scenario.state, context: Fixtures.context)
        }
        #expect(error.code == "request/invalid")
        #expect(error.detail.contains("identity_document, liveness_report_document"))
    }

    @Test func aProfileIsDecidedUnderItsOwnName() throws {
        let scenario = try janePending()
        let wrong = CustomerCommand.decideProfile(.kybProfileA, subject: .customer(jane), ProfileDecision(decision: .approved))
        #expect(throws: CustomerError.notFound(.profile(.kybProfileA, .customer(jane)))) {
            try decide(wrong, state: scenario.state, context: Fixtures.context)
        }
    }

    @Test func aRejectionNeedsADetail() throws {
        let scenario = try janePending()
        let reject = CustomerCommand.decideProfile(.kycProfileA, subject: .customer(jane), ProfileDecision(decision: .rejected))
        #expect(Outcome(deciding: reject, on: scenario.state) == .failed("/detail"))
        let review = CustomerCommand.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .rejected, detail: " "))
        #expect(Outcome(deciding: review, on: scenario.state) == .failed("/detail"))
    }

    @Test func aDocumentIsReviewedOnce() throws {
        var scenario = try janePending()
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .accepted)))
        let again = CustomerCommand.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .rejected, detail: "oops"))
        #expect(Outcome(deciding: again, on: scenario.state) == .invalid())
    }

    @Test func reviewingAnUnknownDocumentFindsNothing() throws {
        let scenario = try janePending()
        #expect(throws: CustomerError.notFound(.document(Fixtures.documentID(9)))) {
            try decide(.reviewDocument(id: Fixtures.documentID(9), DocumentReview(decision: .accepted)), state: scenario.state, context: Fixtures.context)
        }
    }

    @Test func aDocumentForAnotherCustomerFindsNoCustomer() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: jane, Fixtures.janeSmith))
        let upload = Fixtures.upload(.passport, for: acme.rawValue)
        #expect(throws: CustomerError.notFound(.customer(acme.rawValue))) {
            try decide(.recordDocumentUpload(id: Fixtures.documentID(5), upload), state: scenario.state, context: Fixtures.context)
        }
    }

    @Test func anAcceptedDocumentOutweighsALaterRejectedOne() throws {
        var scenario = try janePending()
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .accepted)))
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(3), Fixtures.upload(.idCard, for: jane.rawValue)))
        try scenario.run(.reviewDocument(id: Fixtures.documentID(3), DocumentReview(decision: .rejected, detail: "Expired.")))
        #expect(scenario.profile.criteria.complete.contains("identity_document"))
    }
}
