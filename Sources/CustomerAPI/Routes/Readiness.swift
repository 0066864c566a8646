import Foundation

/// `/readyz` answers from a check at most `maximumAge` old, so probes at any rate cost the
/// database at most one query a second; one check runs at a time, and callers during it wait
/// for its answer.
actor Readiness {
    private let check: @Sendable () async -> Bool
    private let maximumAge: Duration
    private var last: (ready: Bool, at: ContinuousClock.Instant)?
    private var running: Task<Bool, Never>?

    init(check: @escaping @Sendable () async -> Bool, maximumAge: Duration) {
        self.check = check
        self.maximumAge = maximumAge
    }

    func isReady() async -> Bool {
        if let last, ContinuousClock.now - last.at < maximumAge { return last.ready }
        if let running { return await running.value }
        let task = Task { [check] in await check() }
        running = task
        let ready = await task.value
        last = (ready, ContinuousClock.now)
        running = nil
        return ready
    }
}
