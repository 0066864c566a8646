import Postgres

extension EventStore {
    /// Every event after `position`, in fence order, forever: reads in batches with `readAll`,
    /// and when caught up waits for a wake-up (an append in this process, a NOTIFY from another
    /// one when `listenForAppends` is running) or `pollInterval`, whichever comes first.
    /// Polling is the fallback that makes a lost notification harmless.
    public func subscribe(
        after position: GlobalPosition,
        batchSize: Int = 500,
        pollInterval: Duration = .milliseconds(250)
    ) -> AsyncThrowingStream<RecordedEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: RecordedEvent.self, bufferingPolicy: .bufferingOldest(batchSize * 2))
        let task = Task { [self] in
            var checkpoint = position
            var delay = TailingDelay(pollInterval: pollInterval)
            // Events may have committed behind the fence before this reader started: its first read
            // counts as woken, so it watches the fence rather than waiting for the poll.
            var lastSeen: UInt64? = nil
            do {
                while !Task.isCancelled {
                    let seen = await wakeUps.generation
                    let woken = seen != lastSeen
                    lastSeen = seen
                    let batch = try await readAll(after: checkpoint, limit: batchSize)
                    for event in batch {
                        // Back-pressure: wait while the consumer's buffer is full.
                        while case .dropped = continuation.yield(event) {
                            try await Task.sleep(for: .milliseconds(1))
                        }
                        checkpoint = event.position
                    }
                    let wait = delay.next(found: batch.count, wokenSinceLastRead: woken)
                    if batch.count < batchSize {
                        await wakeUps.wait(seen: seen, timeout: wait)
                    }
                }
                continuation.finish()
            } catch is CancellationError {
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Turns NOTIFYs from other processes into wake-ups of this store's subscribers, until the
    /// returned listener is stopped.
    public func listenForAppends() async throws -> Listener {
        let listener = try await Listener.start(pool.configuration, channels: [Self.notificationChannel])
        let signal = wakeUps
        Task {
            for await _ in listener.events { await signal.wake() }
        }
        return listener
    }
}
