import EventStore
import Foundation
import Testing

/// An event the projector cannot handle stops it at that event, visibly, and is never skipped.
@Suite struct PoisonEventTests {
    /// Two good events, the poison, and one more good event, each in its own transaction.
    static let types = ["Counted", "Counted", "Poison", "Counted"]

    /// Runs the poisoned projector until it parks (its events may first have to wait for older
    /// transactions of other suites to end).
    static func runUntilParked(_ runner: ProjectorRunner, timeout: Duration = .seconds(10)) async throws -> ProjectorFailure {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            switch try await runner.runOnce() {
            case .parked(let failure): return failure
            case .caughtUp, .busy: try await Task.sleep(for: .milliseconds(20))
            case .applied: continue
            }
        }
        throw TimedOut(what: "projector \(runner.projector.name) to park")
    }

    @Test func aFailingEventParksTheProjectorAtThatEvent() async throws {
        try await EffectTable.with { effects in
            let positions = try await effects.append(Self.types)
            let runner = ProjectorRunner(projector: effects.projector(poisonType: "Poison"), store: effects.store)

            let failure = try await Self.runUntilParked(runner)
            #expect(failure.position == positions[2])
            #expect(failure.reason.contains("PoisonEvent"))

            let checkpoint = try #require(try await effects.checkpoint())
            #expect(checkpoint.failure?.position == positions[2])
            #expect(checkpoint.position >= positions[1])
            #expect(checkpoint.position < positions[2])
            #expect(try await effects.counts() == [positions[0].position: 1, positions[1].position: 1])
        }
    }

    @Test func aParkedProjectorStaysParkedOnRetry() async throws {
        try await EffectTable.with { effects in
            let positions = try await effects.append(Self.types)
            let runner = ProjectorRunner(projector: effects.projector(poisonType: "Poison"), store: effects.store)
            _ = try await Self.runUntilParked(runner)
            let parkedAt = try await effects.checkpoint()?.position

            for _ in 0..<2 {
                guard case .parked(let failure) = try await runner.runOnce() else {
                    Issue.record("a parked projector ran again")
                    return
                }
                #expect(failure.position == positions[2])
            }
            #expect(try await effects.checkpoint()?.position == parkedAt)
            #expect(try await effects.counts().count == 2)
        }
    }

    @Test func aResumedProjectorContinuesWithTheEventItFailedOn() async throws {
        try await EffectTable.with { effects in
            let positions = try await effects.append(Self.types)
            let poisoned = ProjectorRunner(projector: effects.projector(poisonType: "Poison"), store: effects.store)
            _ = try await Self.runUntilParked(poisoned)

            // The operator deploys a projector that handles the event, then resumes it.
            #expect(try await effects.store.resumeProjector(effects.name))
            let fixed = ProjectorRunner(projector: effects.projector(), store: effects.store)
            try await effects.drain(fixed, through: positions)

            #expect(try await effects.checkpoint()?.failure == nil)
            let counts = try await effects.counts()
            #expect(positions.map { counts[$0.position] } == [1, 1, 1, 1])
        }
    }
}
