import TestSupport
import CustomerDomain
import CustomerService
import Testing

/// Commands through the handler keep the inline read models equal to the fold of the log.
/// Serialized: the last test verifies the whole projection.
@Suite(.serialized) struct HandlerLifecycleTests {
    @Test func anIndividualsReadModelsEqualTheFoldAfterEveryCommandOfItsApproval() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
                try await harness.expectReadModelsEqualFold(of: jane)
            }
            #expect(try await harness.readModelView(of: jane)?.verificationProfiles.map(\.status) == [.approved])
        }
    }

    @Test func aBusinessReadModelsEqualTheFoldAfterEveryCommandOfItsApproval() async throws {
        try await ServiceHarness.with { harness in
            let acme: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.businessApproval(of: acme) {
                try await harness.run(command, on: acme)
                try await harness.expectReadModelsEqualFold(of: acme)
            }
            #expect(try await harness.readModelView(of: acme)?.verificationProfiles.map(\.status) == [.approved])
            #expect(try await harness.queries.representatives(of: acme).count == 2)
        }
    }

    @Test func verifyFindsNoDifferenceAfterLifecyclesThroughTheHandler() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            let acme: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) { try await harness.run(command, on: jane) }
            for command in Lifecycles.businessApproval(of: acme) { try await harness.run(command, on: acme) }

            let differences = try await harness.projection.verify()
            #expect(differences == [])
        }
    }
}
