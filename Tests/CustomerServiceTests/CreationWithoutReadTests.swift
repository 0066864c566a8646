import CustomerDomain
import CustomerService
import TestSupport
import Testing

/// A creation decides without reading its stream (its id was just drawn at random). Should the
/// stream exist after all, the creation conflicts, reads, and is refused as the domain refuses
/// a second creation: nothing is written.
@Suite struct CreationWithoutReadTests {
    @Test func aCreationOfAnExistingCustomerIsRefusedAndWritesNothing() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            let first = try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
            #expect(first.retries == 0, "a new customer's creation commits at its first attempt")
            let before = try await harness.readModelView(of: jane)

            await #expect(throws: CustomerServiceError.domain(.alreadyExists(jane))) {
                try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
            }
            #expect(try await harness.history.events(of: jane).count == 1)
            #expect(try await harness.readModelView(of: jane) == before)
        }
    }
}
