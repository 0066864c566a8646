import CustomerDomain
import CustomerService
import EventStore
import Testing

/// Rebuilding a projection while the API keeps writing: after the swap the tables equal a
/// replay of the whole log, and nothing written during the rebuild is lost.
@Suite(.serialized) struct RebuildUnderWritersTests {
    /// Time the writers run before the rebuild starts, and again after it has swapped.
    static let writingAround = Duration.milliseconds(500)

    @Test func rebuildingTheCustomerReadModelsWhileEightWritersAppendLeavesThemEqualToTheFold() async throws {
        try await ServiceHarness.with(maximumConnections: 12) { harness in
            let projection = CustomerProjection(store: harness.store)
            let (replayed, customers) = try await CustomerWriters.writing(on: harness) {
                try await Task.sleep(for: Self.writingAround)
                let replayed = try await ShadowTableLock.exclusively { try await projection.rebuild() }
                try await Task.sleep(for: Self.writingAround)
                return replayed
            }
            #expect(replayed > 0)
            #expect(customers.count >= 8)

            for customer in customers {
                try await harness.expectReadModelsEqualFold(of: customer)
            }
            let differences = try await ShadowTableLock.exclusively { try await projection.verify() }
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

            let (replayed, _) = try await CustomerWriters.writing(on: harness) {
                try await Task.sleep(for: Self.writingAround)
                let replayed = try await ShadowTableLock.exclusively { try await rebuild.rebuild() }
                try await Task.sleep(for: Self.writingAround)
                return replayed
            }
            #expect(replayed > 0)

            let differences = try await ShadowTableLock.exclusively { try await rebuild.verify() }
            #expect(differences == [])
            live.cancel()
            await live.value
        }
    }
}
