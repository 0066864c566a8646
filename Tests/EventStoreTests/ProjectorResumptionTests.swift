import EventStore
import Foundation
import Testing

/// An asynchronous projector commits its effects and its checkpoint together: however its
/// runners stop or overlap, each event takes effect exactly once.
@Suite(.serialized) struct ProjectorResumptionTests {
    /// The runner is cancelled while a batch sleeps between its writes and its checkpoint; a new
    /// runner then catches up. Twelve events in batches of at most four, each holding its
    /// transaction open for 0.3 s: cancelling after 0.45 s always leaves some unapplied.
    @Test func aRunnerCancelledMidBatchResumesFromItsCheckpointWithEachEffectOnce() async throws {
        try await EffectTable.with { effects in
            let positions = try await effects.append(12)
            let slow = ProjectorRunner(projector: effects.projector(pause: 0.3), store: effects.store, batchSize: 4)
            let killed = Task {
                while true { _ = try await slow.runOnce() }
            }
            try await Task.sleep(for: .milliseconds(450))
            killed.cancel()
            _ = await killed.result

            let checkpoint = try #require(try await effects.checkpoint())
            let afterKill = try await effects.counts()
            #expect(afterKill.count < positions.count, "the runner finished before it was cancelled")
            for position in positions {
                // Exactly the events up to the checkpoint have taken effect, each once.
                #expect(afterKill[position.position] == (position <= checkpoint.position ? 1 : nil))
            }

            let fresh = ProjectorRunner(projector: effects.projector(), store: effects.store, batchSize: 4)
            try await effects.drain(fresh, through: positions)

            let counts = try await effects.counts()
            #expect(counts.count == positions.count)
            #expect(positions.map { counts[$0.position] } == Array(repeating: 1, count: positions.count))
        }
    }

    /// Two service instances each run the projector's runner; ten events are waiting and ten
    /// more arrive while they run.
    @Test func twoRunnersOfOneProjectorApplyEachEventOnce() async throws {
        try await EffectTable.with { effects in
            let waiting = try await effects.append(10)
            let runners = (0..<2).map { _ in
                let runner = ProjectorRunner(projector: effects.projector(pause: 0.02), store: effects.store, batchSize: 3)
                return Task { await runner.run(pollInterval: .milliseconds(50)) }
            }
            defer { runners.forEach { $0.cancel() } }
            let arriving = try await effects.append(10)
            try await effects.waitUntilPassed(waiting + arriving)
            // Give a second application, if there were one, time to commit.
            try await Task.sleep(for: .milliseconds(200))
            for runner in runners {
                runner.cancel()
                await runner.value
            }

            let counts = try await effects.counts()
            let positions = waiting + arriving
            #expect(counts.count == positions.count)
            #expect(positions.map { counts[$0.position] } == Array(repeating: 1, count: positions.count))
        }
    }
}
