import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// `projections verify` compares inside one snapshot and holds no writer: it finishes while a
/// command's transaction (which holds the projection lock shared) is still open, and while the
/// asynchronous projector's runner holds its lock.
@Suite struct VerifyWithoutHoldingWritersTests {
    @Test func verifyingTheCustomersFinishesWhileAWriterIsMidTransaction() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let harness = try ServiceHarness.on(pool)
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
            let writer = try await Self.holding("SELECT pg_advisory_xact_lock_shared(hashtext(current_schema() || '/projector:customers'))", pool)
            let finished = try await Self.finishes(within: .seconds(30), releasing: writer) { try await harness.projection.verify() }
            #expect(finished == [], "verify did not finish while a writer was mid-transaction (or found differences)")
        }
    }

    @Test func verifyingAnAsynchronousProjectorFinishesWhileItsRunnerHoldsIt() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let harness = try ServiceHarness.on(pool)
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
            let store = EventStore(pool: pool)
            _ = try await ProjectorRunner(projector: CustomerActivityProjector(), store: store).runOnce()
            let runner = try await Self.holding("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/projector:customer_activity'))", pool)
            let finished = try await Self.finishes(within: .seconds(30), releasing: runner) {
                try await ProjectorRebuild(projector: CustomerActivityProjector(), store: store).verify()
            }
            #expect(finished == [], "verify did not finish while the runner held its lock (or found differences)")
        }
    }

    /// A session of its own, in the pool's schema, inside a transaction that ran `statement`.
    static func holding(_ statement: String, _ pool: ConnectionPool) async throws -> Connection {
        let connection = try await Connection.connect(pool.configuration)
        try await connection.executeScript("BEGIN")
        try await connection.query(statement)
        return connection
    }

    /// The differences `verify` found while `holder` kept its transaction open, or nil when it
    /// did not finish within `limit` (the holder then lets go, so verify can end).
    static func finishes(
        within limit: Duration, releasing holder: Connection,
        _ verify: @escaping @Sendable () async throws -> [TableDifferences]
    ) async throws -> [TableDifferences]? {
        let first = try await withThrowingTaskGroup(of: [TableDifferences]?.self) { group in
            group.addTask { try await verify() }
            group.addTask {
                try? await Task.sleep(for: limit)
                _ = try? await holder.executeScript("ROLLBACK")
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        _ = try? await holder.executeScript("ROLLBACK")
        await holder.close()
        return first
    }
}
