import TestSupport
import CustomerDomain
import CustomerService
import Testing

/// An email belongs to one customer of each type, whatever its case.
@Suite struct DuplicateEmailTests {
    @Test func aSecondIndividualWithTheSameEmailInAnotherCaseIsRefusedAndNotRecorded() async throws {
        try await ServiceHarness.with { harness in
            let email = ServiceInputs.uniqueEmail("jane.smith")
            let first: CustomerID = ServiceInputs.fresh()
            let second: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: first, ServiceInputs.janeSmith(email: email)), on: first)

            await #expect(throws: CustomerServiceError.duplicateEmail(email: email)) {
                try await harness.run(.createIndividual(id: second, ServiceInputs.janeSmith(email: email.uppercased())), on: second)
            }
            #expect(try await harness.history.events(of: second).isEmpty)
            #expect(try await harness.readModelView(of: second) == nil)
        }
    }

    @Test func aBusinessMayUseTheEmailOfAnIndividual() async throws {
        try await ServiceHarness.with { harness in
            let email = ServiceInputs.uniqueEmail("finance")
            let jane: CustomerID = ServiceInputs.fresh()
            let acme: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith(email: email)), on: jane)

            let created = try await harness.run(.createBusiness(id: acme, ServiceInputs.acme(email: email)), on: acme)
            #expect(created.executed)
            #expect(try await harness.readModelView(of: acme)?.email == email)
        }
    }
}
