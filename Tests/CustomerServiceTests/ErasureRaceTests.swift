import CustomerDomain
import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// A command that records no event stores its response too; if it decided before a `forget` and
/// would commit after it, its response (with the names it saw) must still never be kept or
/// replayed.
@Suite struct ErasureRaceTests {
    @Test func aResponseDecidedBeforeForgetIsNeverKeptOrReplayedAfterIt() async throws {
        let name = TestDatabase.uniqueName("erasure")
        try await ServiceHarness.with(applicationName: name) { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            let individual = ServiceInputs.janeSmith()
            try await harness.run(.createIndividual(id: jane, individual), on: jane)
            let claim = IdempotencyClaim(key: TestDatabase.uniqueName("empty-patch"), requestHash: "h")

            // An uncommitted row with the same key holds the empty PATCH at its insert, after it
            // decided on the customer with her names.
            let holder = try await Connection.connect(try TestDatabase.configuration())
            try await holder.executeScript("BEGIN")
            try await holder.query(
                """
                INSERT INTO command_log (actor, idempotency_key, request_hash, status_code, response, stream_id)
                VALUES ('ops-key', $1, 'h', 200, '', 'elsewhere')
                """, [claim.key])
            let patch = Task { try await harness.run(.updateIndividual(IndividualUpdate()), on: jane, idempotency: claim) }
            try await harness.waitForLockWaiters(1, applicationName: name)
            let forget = Task { try await harness.run(.erasePersonalData, on: jane) }
            // Give the forget every chance to commit first.
            try await Task.sleep(for: .milliseconds(500))
            try await holder.executeScript("ROLLBACK")
            await holder.close()
            _ = try await forget.value
            _ = await patch.result

            let row = try await harness.pool.query(
                "SELECT response, erased_at IS NOT NULL FROM command_log WHERE actor = 'ops-key' AND idempotency_key = $1", [claim.key]
            ).first
            if let row {
                let response: String = try row.decode(0)
                #expect(!response.contains("Jane") && !response.contains("Smith"), "the stored response kept the names: \(response)")
                #expect(try row.decode(1, as: Bool.self), "the stored response is not marked erased")
            }
            let retry = await #expect(throws: CustomerServiceError.self) {
                try await harness.run(.updateIndividual(IndividualUpdate()), on: jane, idempotency: claim)
            }
            guard case .domain(.invalidRequest)? = retry else {
                Issue.record("a retry after the erasure replayed or ran: \(String(describing: retry))")
                return
            }
        }
    }
}
