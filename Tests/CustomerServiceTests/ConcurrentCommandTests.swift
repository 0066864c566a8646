import TestSupport
import CustomerDomain
import CustomerService
import Testing

/// Many commands racing on one customer: the handler's reload-and-decide-again loses nothing.
@Suite struct ConcurrentCommandTests {
    /// 64 uploads at once to Jane's stream, passports and liveness reports alternately (the first
    /// pair also moves her profile to pending: one command appends two events). A command retries
    /// only after another of the 64 committed, and each commits once, so 64 attempts always suffice.
    @Test func sixtyFourConcurrentUploadsAreAllRecordedWithContiguousVersions() async throws {
        try await ServiceHarness.with(maximumConnections: 24, maximumAttempts: 64) { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
            let documents: [DocumentID] = (0..<64).map { _ in ServiceInputs.fresh() }
            try await harness.warmUp(connections: 24)

            let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
                for (index, document) in documents.enumerated() {
                    let type: DocumentType = index.isMultiple(of: 2) ? .passport : .livenessReport
                    group.addTask {
                        try await harness.run(.recordDocumentUpload(id: document, ServiceInputs.upload(type, for: jane.rawValue)), on: jane)
                    }
                }
                return try await group.reduce(into: [CommandResult]()) { $0.append($1) }
            }

            #expect(results.count == 64)
            #expect(results.filter { $0.executed }.count == 64)
            #expect(results.map(\.retries).reduce(0, +) > 0, "the commands never actually raced")
            let events = try await harness.history.events(of: jane)
            #expect(events.map(\.version) == Array(1...Int64(events.count)))
            #expect(events.count == 1 + results.map(\.appendedEvents).reduce(0, +))
            #expect(Set(results.compactMap(\.streamVersion)).count == 64)

            let state = try await harness.foldedState(of: jane)
            #expect(Set(state.customer?.documents.map(\.id) ?? []) == Set(documents))
            try await harness.expectReadModelsEqualFold(of: jane)
        }
    }
}
