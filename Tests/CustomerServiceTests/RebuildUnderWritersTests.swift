import TestSupport
import CustomerDomain
import CustomerService
import EventStore
import Testing

/// Rebuilding a projection while the API keeps writing: after the swap the tables equal a
/// replay of the whole log, and nothing written during the rebuild is lost.
@Suite(.serialized) struct RebuildUnderWritersTests {
    /// The writers write for 2.5 s; the rebuild starts 0.5 s in.
    static let writing = Duration.milliseconds(2_500)
    static let rebuildStartsAfter = Duration.milliseconds(500)

    @Test func rebuildingTheCustomerReadModelsWhileEightWritersAppendLeavesThemEqualToTheFold() async throws {
        try await ServiceHarness.with(maximumConnections: 12) { harness in
            let projection = harness.projection
            let (replayed, customers) = try await CustomerWriters.writing(for: Self.writing, on: harness) {
                try await Task.sleep(for: Self.rebuildStartsAfter)
                return try await projection.rebuild()
            }
            #expect(replayed > 0)
            #expect(customers.count >= 8)

            for customer in customers {
                try await harness.expectReadModelsEqualFold(of: customer)
            }
            let differences = try await projection.verify()
            #expect(differences == [])
        }
    }

    /// The live runner keeps running throughout, as in a service instance: the rebuild swaps in
    /// beside it, and verify compares at the checkpoint the runner has reached.
    @Test func rebuildingTheActivityProjectionWhileEightWritersAppendLeavesItEqualToAReplay() async throws {
        try await ServiceHarness.with(maximumConnections: 12) { harness in
            let rebuild = ProjectorRebuild(projector: CustomerActivityProjector(), store: harness.store)
            let runner = ProjectorRunner(projector: CustomerActivityProjector(), store: harness.store)
            let live = Task { await runner.run(pollInterval: .milliseconds(50)) }
            defer { live.cancel() }

            let (replayed, _) = try await CustomerWriters.writing(for: Self.writing, on: harness) {
                try await Task.sleep(for: Self.rebuildStartsAfter)
                return try await rebuild.rebuild()
            }
            #expect(replayed > 0)

            let differences = try await rebuild.verify()
            #expect(differences == [])
            live.cancel()
            await live.value
        }
    }
}
