import Foundation

/// When a failed delivery is tried again: about 5 s, 30 s, 2 min, 10 min, 30 min and 1 h after
/// the attempts before, then every 2 h, each wait drawn within ±20% (jitter, so receivers that
/// come back are not hit by every retry at once), until 24 h after the first attempt; then the
/// delivery has failed for good (and can be redelivered by hand).
public struct RetrySchedule: Sendable {
    public let waits: [Duration]
    public let then: Duration
    public let giveUpAfter: Duration
    public let jitter: Double

    public init(
        waits: [Duration] = [.seconds(5), .seconds(30), .seconds(120), .seconds(600), .seconds(1_800), .seconds(3_600)],
        then: Duration = .seconds(7_200), giveUpAfter: Duration = .seconds(86_400), jitter: Double = 0.2
    ) {
        self.waits = waits
        self.then = then
        self.giveUpAfter = giveUpAfter
        self.jitter = jitter
    }

    /// The wait after failed attempt number `attempt` (from 1), or nil to give up, given when
    /// the first attempt was made.
    public func wait(afterAttempt attempt: Int, firstAttemptAt first: Date, now: Date) -> Duration? {
        let base = attempt <= waits.count ? waits[attempt - 1] : then
        let seconds = Self.seconds(base) * Double.random(in: (1 - jitter)...(1 + jitter))
        guard now.addingTimeInterval(seconds).timeIntervalSince(first) <= Self.seconds(giveUpAfter) else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
