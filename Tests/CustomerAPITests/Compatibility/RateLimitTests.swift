import CustomerAPI
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// Requests a second per API key, reads and writes apart: beyond the limit 429 with
/// `Retry-After`, other keys untouched, and the key passes again after the wait. The buckets
/// read a clock the test moves, so no refill happens during a burst however busy the machine,
/// and the wait is the test's step of the clock, not a sleep.
@Suite struct RateLimitTests {
    static let cheapRead = "/v2/customer?limit=0"

    /// A clock that stands still until the test moves it.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var clock: RateLimits.Clock { RateLimits.Clock { self.instant.withLock { $0 } } }
        func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    }

    @Test func aBurstAboveTheLimitIsRefusedUntilTheWaitIsOver() async throws {
        let time = ManualClock()
        try await TestApplication.withDriver(rateLimits: RateLimits(read: 1, write: 1, clock: time.clock)) { api in
            var statuses: [HTTPResponse.Status] = []
            var refused: Reply?
            for _ in 0..<4 {
                let reply = try await api.send(.get, Self.cheapRead, key: "reader")
                statuses.append(reply.status)
                if reply.status == .tooManyRequests, refused == nil { refused = reply }
            }
            #expect(statuses.prefix(1).allSatisfy { $0 == .unprocessableContent }, "\(statuses)")
            #expect(statuses.suffix(3).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            let tooMany = try #require(refused)
            #expect(tooMany.code == "request/rate-limited")
            #expect(tooMany.headers[.retryAfter] == "1")
            #expect(tooMany.headers[HTTPField.Name("RateLimit-Limit")!] == "1")
            #expect(tooMany.headers[HTTPField.Name("RateLimit-Remaining")!] == "0")
            #expect(tooMany.headers[.contentType] == "application/problem+json")

            // Another key has its own bucket; the same key's writes have theirs.
            let other = try await api.send(.get, "/v2/customer", key: "everything")
            #expect(other.status == .ok)
            #expect(other.headers[HTTPField.Name("RateLimit-Remaining")!] == "0")
            let write = try await api.send(.post, "/v2/customer", key: "reader", json: "{}")
            #expect(write.status == .forbidden, "a write counts against the write bucket, then meets the scope check")

            // Just before Retry-After the key is still refused; after it, it passes again.
            time.advance(by: .milliseconds(900))
            #expect(try await api.send(.get, "/v2/customer", key: "reader").status == .tooManyRequests)
            time.advance(by: .milliseconds(200))
            #expect(try await api.send(.get, "/v2/customer", key: "reader").status == .ok)
        }
    }

    @Test func writesAreCountedApartFromReads() async throws {
        try await TestApplication.withDriver(rateLimits: RateLimits(read: 0, write: 2, clock: ManualClock().clock)) { api in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 {
                statuses.append(try await api.send(.post, "/v2/customer", key: "everything", json: "{}").status)
            }
            #expect(statuses == [.unprocessableContent, .unprocessableContent, .tooManyRequests])
            // Reads are off (0): none is refused, and no headers say otherwise.
            for _ in 0..<20 {
                let read = try await api.send(.get, "/v2/customer", key: "everything")
                #expect(read.status == .ok)
                #expect(read.headers[HTTPField.Name("RateLimit-Limit")!] == nil)
            }
        }
    }
}
