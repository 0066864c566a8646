/// Wakes waiters when something they wait for may have happened (tailing readers: events have
/// committed).
///
/// A waiter notes `generation` before it looks; if a wake-up comes between its look and its
/// wait, the generation has moved and the wait returns at once, so no wake-up is lost.
public actor WakeUpSignal {
    public private(set) var generation: UInt64 = 0
    private var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    public init() {}

    public func wake() {
        generation &+= 1
        let waiting = waiters
        waiters.removeAll()
        for continuation in waiting.values { continuation.resume() }
    }

    /// Returns when `generation` differs from `seen`, or after `timeout`.
    public func wait(seen: UInt64, timeout: Duration) async {
        guard generation == seen else { return }
        let id = nextWaiter
        nextWaiter &+= 1
        await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task {
                try? await Task.sleep(for: timeout)
                self.timeOut(id)
            }
        }
    }

    private func timeOut(_ id: UInt64) {
        waiters.removeValue(forKey: id)?.resume()
    }
}

/// How long a tailing reader waits before reading again.
///
/// A wake-up means events have committed, but they may still be behind the fence while an
/// older transaction is open; so after a wake-up that found nothing, read again soon and back
/// off (10 ms, 20 ms, …) to at most one second, for up to `patience` after the last wake-up or
/// the last events it brought; only then fall back to
/// the poll interval. However long the fence is held, the events arrive within a second of it
/// being released.
struct TailingDelay {
    let pollInterval: Duration
    private var current: Duration
    private var waitedSinceWakeUp: Duration?
    private static let first = Duration.milliseconds(10)
    private static let longest = Duration.seconds(1)
    private static let patience = Duration.seconds(30)

    init(pollInterval: Duration) {
        self.pollInterval = pollInterval
        self.current = pollInterval
    }

    /// The wait after a read that found `found` events, given whether a wake-up came since the last read.
    mutating func next(found: Int, wokenSinceLastRead: Bool) -> Duration {
        // A read after a wake-up may find only some of the events that woke it, the rest still
        // behind the fence: events found while watching the fence keep the reader close too.
        if wokenSinceLastRead || (found > 0 && waitedSinceWakeUp != nil) {
            waitedSinceWakeUp = .zero
            current = min(Self.first, pollInterval)
        } else if found > 0 {
            current = pollInterval
        } else if let waited = waitedSinceWakeUp, waited < Self.patience {
            current = min(current * 2, Self.longest, pollInterval)
        } else {
            waitedSinceWakeUp = nil
            current = pollInterval
        }
        if let waited = waitedSinceWakeUp { waitedSinceWakeUp = waited + current }
        return current
    }
}
