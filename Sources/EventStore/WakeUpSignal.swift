/// Wakes tailing readers when new events may have committed.
///
/// A reader notes `generation` before it reads; if an append lands between its read and its
/// wait, the generation has moved and the wait returns at once, so no wake-up is lost.
actor WakeUpSignal {
    private(set) var generation: UInt64 = 0
    private var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    func wake() {
        generation &+= 1
        let waiting = waiters
        waiters.removeAll()
        for continuation in waiting.values { continuation.resume() }
    }

    /// Returns when `generation` differs from `seen`, or after `timeout`.
    func wait(seen: UInt64, timeout: Duration) async {
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
