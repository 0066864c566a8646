import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// A log restored into a cluster whose transaction counter is behind it would let new events sort
/// before old ones; the store notices, names the cause and the remedy.
@Suite struct FenceCheckTests {
    @Test func aLogAheadOfTheClustersCounterIsDetected() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let store = EventStore(pool: pool)
            #expect(try await store.checkFence().isIntact)
            try await store.append(to: "fence-1", streamType: "test", expectedVersion: .noStream, events: [event()], metadata: testMetadata)
            #expect(try await store.checkFence().isIntact)

            // As after a restore: an event written by a transaction five epochs ahead.
            try await pool.query(
                """
                INSERT INTO events (transaction_id, stream_id, stream_version, event_type, data, hash)
                VALUES (((pg_snapshot_xmax(pg_current_snapshot())::text::bigint) + (5::bigint << 32))::text::xid8,
                        'fence-2', 1, 'Restored', '{}',
                        event_hash(NULL, 'fence-2', 1, 'Restored', 1, '{}', '{}', now()))
                """)
            let check = try await store.checkFence()
            #expect(!check.isIntact)
            #expect(check.requiredEpoch == (check.highestEventTransaction! >> 32) + 1)
            #expect(check.requiredEpoch > check.nextTransaction >> 32)
            #expect(check.problem.contains("pg_resetwal --epoch=\(check.requiredEpoch)"))
            await #expect {
                try await store.requireIntactFence()
            } throws: { error in
                guard case .fenceBehindLog(let refused)? = error as? EventStoreError else { return false }
                return refused.highestEventTransaction == check.highestEventTransaction
            }
        }
    }
}
