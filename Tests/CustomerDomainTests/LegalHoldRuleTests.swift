import Testing
@testable import CustomerDomain

/// A legal hold stands until released and forbids erasure while it stands.
@Suite struct LegalHoldRuleTests {
    static let place = CustomerCommand.placeLegalHold(LegalHoldRequest(reason: "AML record keeping"))

    @Test(arguments: [
        // (commands before the erasure, erasure refused?)
        ([CustomerCommand](), false),
        ([place], true),
        ([place, .releaseLegalHold], false),
        ([place, .releaseLegalHold, place], true),
    ])
    func erasureIsRefusedOnlyWhileAHoldStands(before: [CustomerCommand], refused: Bool) throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        for command in before { try scenario.run(command) }
        do {
            let events = try scenario.run(.erasePersonalData)
            #expect(!refused)
            #expect(events.map(\.type) == ["PersonalDataErased"])
        } catch {
            #expect(refused, "\(error)")
            #expect(error.code == "customer/legal-hold")
        }
    }

    @Test func aHoldNeedsAReasonAndCannotBePlacedTwiceOrReleasedWhenNoneStands() throws {
        var scenario = Scenario()
        try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
        #expect(throws: CustomerError.self) { try scenario.run(.releaseLegalHold) }
        #expect(throws: CustomerError.self) { try scenario.run(.placeLegalHold(LegalHoldRequest(reason: " "))) }
        try scenario.run(Self.place)
        #expect(scenario.customer.legalHold?.reason == "AML record keeping")
        #expect(throws: CustomerError.self) { try scenario.run(Self.place) }
    }
}
