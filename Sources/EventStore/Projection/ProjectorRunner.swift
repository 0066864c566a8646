import Foundation
import Postgres

/// Feeds one projector the log behind the fence, batch by batch, each batch in one transaction
/// with its checkpoint. Any number of runners may run (one per service instance): a
/// transaction-level advisory lock lets one apply at a time, and another takes over as soon as
/// it stops. An event that fails for a reason applying it again would meet again parks the
/// projector at that event; it is never skipped. A passing failure (a timeout, a deadlock, a
/// lost connection) is retried with capped exponential backoff instead.
public struct ProjectorRunner: Sendable {
    public enum Outcome: Sendable, Equatable {
        case applied(Int)
        /// Nothing new behind the fence.
        case caughtUp
        /// Another runner holds the projector right now.
        case busy
        case parked(ProjectorFailure)
    }

    public let projector: any AsynchronousProjector
    public let store: EventStore
    public let batchSize: Int

    public init(projector: any AsynchronousProjector, store: EventStore, batchSize: Int = 500) {
        self.projector = projector
        self.store = store
        self.batchSize = batchSize
    }

    /// Runs until the task is cancelled: applies batches while there are any, then waits for a
    /// wake-up or the poll interval. `onRetry` hears of each passing failure and the wait before
    /// the next try; `onError` of every other failure.
    public func run(
        pollInterval: Duration = .milliseconds(500),
        onRetry: @Sendable (any Error, Duration) -> Void = { _, _ in },
        onError: @Sendable (any Error) -> Void = { _ in }
    ) async {
        var delay = TailingDelay(pollInterval: pollInterval)
        var backoff = RetryBackoff()
        // Events may have committed behind the fence before this reader started: its first read
        // counts as woken, so it watches the fence rather than waiting for the poll.
        var lastSeen: UInt64? = nil
        while !Task.isCancelled {
            let seen = await store.wakeUps.generation
            let woken = seen != lastSeen
            lastSeen = seen
            var applied = 0
            do {
                if case .applied(let count) = try await runOnce() { applied = count }
                backoff.reset()
            } catch is CancellationError {
                return
            } catch EventStoreError.failure(let failure) where failure.isTransient {
                let wait = backoff.next()
                onRetry(EventStoreError.failure(failure), wait)
                try? await Task.sleep(for: wait)
                continue
            } catch {
                onError(error)
            }
            let wait = delay.next(found: applied, wokenSinceLastRead: woken)
            if applied > 0 { continue }
            await store.wakeUps.wait(seen: seen, timeout: wait)
        }
    }

    /// Applies at most one batch.
    public func runOnce() async throws -> Outcome {
        try await translatingFailures { try await applyOnce() }
    }

    private func applyOnce() async throws -> Outcome {
        do {
            return try await store.pool.withTransaction { transaction in
                try await applyBatch(in: transaction, limit: batchSize)
            }
        } catch let failure as BatchFailure {
            return try await pinpoint(failure)
        }
    }

    private struct BatchFailure: Error {
        let events: [RecordedEvent]
        let reason: String
    }

    private func applyBatch(in transaction: Transaction, limit: Int) async throws -> Outcome {
        let connection = transaction.connection
        let locked = try await connection.execute(ProjectorLock.tryExclusiveStatement(projector.name))
        guard try locked.rows[0].decode(0, as: Bool.self) else { return .busy }
        try await ProjectorCheckpoints.ensure(projector.name, on: connection)
        guard let checkpoint = try await ProjectorCheckpoints.read(projector.name, on: connection) else { return .busy }
        if let failure = checkpoint.failure { return .parked(failure) }

        let events = try await EventStore.readAll(on: connection, after: checkpoint.position, limit: limit, bodies: projector.readsEventBodies)
        guard let last = events.last else { return .caughtUp }
        let statements: [Statement]
        do {
            statements = try projector.statements(for: events, tables: .live(projector.tables)).map(\.statement)
        } catch {
            throw BatchFailure(events: events, reason: String(describing: error))
        }
        do {
            _ = try await connection.pipeline(statements)
        } catch let error as PostgresError where error.kind == .server && !error.isTransient {
            throw BatchFailure(events: events, reason: error.description)
        }
        // A runner cancelled between its writes and its checkpoint rolls back both.
        try Task.checkCancellation()
        let moved = try await connection.execute(
            ProjectorCheckpoints.advance(projector.name, from: checkpoint.position, to: last.position, events: events.count))
        guard moved.affectedRows == 1 else {
            throw PostgresError(kind: .server, message: "checkpoint of \(projector.name) moved under this runner")
        }
        return .applied(events.count)
    }

    /// A batch failed: apply its events one by one, each with its checkpoint, up to the event
    /// that fails, and park the projector there.
    private func pinpoint(_ failure: BatchFailure) async throws -> Outcome {
        for _ in failure.events {
            do {
                let outcome = try await store.pool.withTransaction { transaction in
                    try await applyBatch(in: transaction, limit: 1)
                }
                if case .applied = outcome { continue }
                return outcome
            } catch let single as BatchFailure {
                guard let event = single.events.first else { break }
                let parked = ProjectorFailure(reason: single.reason, position: event.position, failedAt: Date())
                try await store.pool.withConnection { connection in
                    try await ProjectorCheckpoints.park(projector.name, at: event.position, reason: single.reason, on: connection)
                }
                return .parked(parked)
            }
        }
        return .caughtUp
    }
}

/// Waits between retries of a passing failure: 100 ms, doubling to at most 10 s, each drawn
/// between half and all of that (jitter), so runners of several instances do not retry in step.
struct RetryBackoff {
    private static let first = Duration.milliseconds(100)
    private static let longest = Duration.seconds(10)
    private var current = first

    mutating func next() -> Duration {
        defer { current = min(current * 2, Self.longest) }
        let milliseconds = Int(current.components.seconds * 1000 + current.components.attoseconds / 1_000_000_000_000_000)
        return .milliseconds(Int.random(in: (milliseconds / 2)...milliseconds))
    }

    mutating func reset() { current = Self.first }
}
