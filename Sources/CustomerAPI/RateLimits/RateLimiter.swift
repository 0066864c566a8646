import Metrics
import Synchronization

/// Requests a second per API key, reads and writes counted apart. The buckets live in this
/// process: with several instances behind a balancer a key may send up to the limit to each.
public struct RateLimits: Sendable, Equatable {
    /// Requests a second per key; 0 turns the limit off.
    public var read: Int
    public var write: Int
    /// Where the buckets read the time: the process's continuous clock, or one a test moves.
    public var clock: Clock

    public init(read: Int = 100, write: Int = 100, clock: Clock = .continuous) {
        self.read = read
        self.write = write
        self.clock = clock
    }

    public struct Clock: Sendable {
        let now: @Sendable () -> ContinuousClock.Instant

        public init(now: @escaping @Sendable () -> ContinuousClock.Instant) {
            self.now = now
        }

        public static let continuous = Clock { .now }
    }

    /// Limits are equal when they allow the same; the clock is how they are measured.
    public static func == (lhs: RateLimits, rhs: RateLimits) -> Bool {
        lhs.read == rhs.read && lhs.write == rhs.write
    }
}

/// What a request counts against: GET and HEAD read, everything else writes.
enum RequestKind: String, Sendable, Hashable {
    case read, write
}

/// One token bucket per key and kind. Only authenticated keys get buckets, so the table holds
/// at most two per configured key.
final class RateLimiter: Sendable {
    let limits: RateLimits
    private let buckets = Mutex<[BucketKey: TokenBucket]>([:])

    private struct BucketKey: Hashable {
        let key: String
        let kind: RequestKind
    }

    init(limits: RateLimits) {
        self.limits = limits
        // Listed in /metrics from the start, so a dashboard sees 0 rather than no series.
        for kind in [RequestKind.read, .write] {
            Counter(label: "http_rate_limited_total", dimensions: [("kind", kind.rawValue)]).increment(by: 0)
        }
    }

    /// The limit a kind of request has, nil when it is off.
    func limit(for kind: RequestKind) -> Int? {
        let limit = kind == .read ? limits.read : limits.write
        return limit > 0 ? limit : nil
    }

    func take(key: String, kind: RequestKind) -> TokenBucket.Outcome? {
        guard let limit = limit(for: kind) else { return nil }
        let now = limits.clock.now()
        return buckets.withLock { buckets in
            let bucketKey = BucketKey(key: key, kind: kind)
            var bucket = buckets[bucketKey] ?? TokenBucket(rate: limit, now: now)
            let outcome = bucket.take(now: now)
            buckets[bucketKey] = bucket
            return outcome
        }
    }
}
