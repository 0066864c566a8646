import TestSupport
import CustomerDomain
import CustomerService
import EventStore
import Testing

/// Operators may run `customers projections rebuild` and `verify` at the same time: they share
/// the shadow tables, so each waits for the other instead of destroying its shadows.
@Suite struct ConcurrentVerifyTests {
    /// Runs `first` and `second` at once; what each returned, or the error it threw.
    static func atOnce(
        _ first: @escaping @Sendable () async throws -> String, _ second: @escaping @Sendable () async throws -> String
    ) async -> [String] {
        await withTaskGroup(of: (Int, String).self) { group in
            for (index, work) in [first, second].enumerated() {
                group.addTask {
                    do { return (index, try await work()) } catch { return (index, "failed: \(error)") }
                }
            }
            return await group.reduce(into: [(Int, String)]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    static func report(_ differences: [TableDifferences]) -> String {
        differences.isEmpty ? "no difference" : "\(differences)"
    }

    @Test func twoVerifiesAtOnceBothFindNoDifference() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let projection = harness.projection

            let reports = await Self.atOnce(
                { Self.report(try await projection.verify()) }, { Self.report(try await projection.verify()) })
            #expect(reports == ["no difference", "no difference"])
        }
    }

    @Test func aRebuildBesideAVerifyLeavesTheReadModelsEqualToTheFold() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let projection = harness.projection

            let reports = await Self.atOnce(
                { _ = try await projection.rebuild(); return "rebuilt" }, { Self.report(try await projection.verify()) })
            #expect(reports == ["rebuilt", "no difference"])
            try await harness.expectReadModelsEqualFold(of: jane)
            #expect(try await projection.verify() == [])
        }
    }
}
