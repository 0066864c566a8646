import CustomerDomain
import CustomerService

/// Writers that keep appending to the log through the handler, as the API would under load:
/// each creates Jane Smiths and uploads her two documents, over and over, until told to stop.
enum CustomerWriters {
    private actor StopSignal {
        private(set) var stopped = false
        func stop() { stopped = true }
    }

    /// Runs `writers` writers for as long as `body` runs. Returns what `body` returned and every
    /// customer the writers created.
    static func writing<T: Sendable>(
        _ writers: Int = 8, on harness: ServiceHarness, while body: () async throws -> T
    ) async throws -> (value: T, customers: [CustomerID]) {
        let signal = StopSignal()
        return try await withThrowingTaskGroup(of: [CustomerID].self) { group in
            for _ in 0..<writers {
                group.addTask {
                    var created: [CustomerID] = []
                    while await !signal.stopped {
                        let jane: CustomerID = ServiceInputs.fresh()
                        try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
                        created.append(jane)
                        for type in [DocumentType.passport, .livenessReport] {
                            try await harness.run(
                                .recordDocumentUpload(id: ServiceInputs.fresh(), ServiceInputs.upload(type, for: jane.rawValue)),
                                on: jane)
                        }
                    }
                    return created
                }
            }
            let value: T
            do {
                value = try await body()
            } catch {
                await signal.stop()
                throw error
            }
            await signal.stop()
            let customers = try await group.reduce(into: [CustomerID]()) { $0 += $1 }
            return (value, customers)
        }
    }
}
