import TestSupport
import CustomerDomain
import CustomerService

/// Writers that keep appending to the log through the handler, as the API would under load:
/// each creates Jane Smiths and uploads her two documents, over and over, for a fixed time.
public enum CustomerWriters {
    /// Runs `writers` writers for `duration` while `body` runs beside them. Returns what `body`
    /// returned and every customer the writers created, once both are done.
    public static func writing<T: Sendable>(
        _ writers: Int = 8, for duration: Duration, on harness: ServiceHarness, alongside body: () async throws -> T
    ) async throws -> (value: T, customers: [CustomerID]) {
        let deadline = ContinuousClock.now + duration
        return try await withThrowingTaskGroup(of: [CustomerID].self) { group in
            for _ in 0..<writers {
                group.addTask {
                    var created: [CustomerID] = []
                    while ContinuousClock.now < deadline {
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
            let value = try await body()
            let customers = try await group.reduce(into: [CustomerID]()) { $0 += $1 }
            return (value, customers)
        }
    }
}
