/// A token bucket: `rate` tokens a second, holding at most `rate` (a burst of one second's
/// worth). A request takes one token or is refused with the time until one is back.
struct TokenBucket: Sendable, Equatable {
    let rate: Double
    private(set) var tokens: Double
    private var updated: ContinuousClock.Instant

    init(rate: Int, now: ContinuousClock.Instant) {
        self.rate = Double(rate)
        self.tokens = Double(rate)
        self.updated = now
    }

    enum Outcome: Equatable {
        /// Taken; `remaining` whole tokens are left, and the bucket is full again after `refill`.
        case taken(remaining: Int, refill: Duration)
        /// Refused; a token is back after `retryAfter`.
        case refused(retryAfter: Duration)
    }

    mutating func take(now: ContinuousClock.Instant) -> Outcome {
        tokens = min(rate, tokens + max(0, (now - updated).inSeconds) * rate)
        updated = max(updated, now)
        guard tokens >= 1 else {
            return .refused(retryAfter: .seconds((1 - tokens) / rate))
        }
        tokens -= 1
        return .taken(remaining: Int(tokens), refill: .seconds((rate - tokens) / rate))
    }
}
