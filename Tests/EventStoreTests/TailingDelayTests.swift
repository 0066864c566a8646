@testable import EventStore
import Testing

@Suite struct TailingDelayTests {
    @Test func afterAWakeUpItBacksOffToOneSecondThenToThePollInterval() {
        var delay = TailingDelay(pollInterval: .seconds(60))
        #expect(delay.next(found: 0, wokenSinceLastRead: false) == .seconds(60))
        #expect(delay.next(found: 0, wokenSinceLastRead: true) == .milliseconds(10))
        var waits: [Duration] = []
        for _ in 0..<40 { waits.append(delay.next(found: 0, wokenSinceLastRead: false)) }
        #expect(waits.prefix(7) == [.milliseconds(20), .milliseconds(40), .milliseconds(80), .milliseconds(160),
                                   .milliseconds(320), .milliseconds(640), .seconds(1)])
        #expect(waits.contains(.seconds(60)))
        #expect(waits.filter { $0 == .seconds(1) }.count >= 25)
        #expect(delay.next(found: 0, wokenSinceLastRead: false) == .seconds(60))
    }

    @Test func eventsFoundByAPollEndTheWait() {
        var delay = TailingDelay(pollInterval: .milliseconds(250))
        #expect(delay.next(found: 3, wokenSinceLastRead: false) == .milliseconds(250))
        #expect(delay.next(found: 0, wokenSinceLastRead: false) == .milliseconds(250))
    }

    /// Woken by three appends, the read finds the first; the others are behind an open
    /// transaction. The reader must come back soon, not after the poll interval.
    @Test func aWakeUpThatFoundSomeEventsStillWatchesTheFence() {
        var delay = TailingDelay(pollInterval: .seconds(60))
        #expect(delay.next(found: 1, wokenSinceLastRead: true) == .milliseconds(10))
        #expect(delay.next(found: 0, wokenSinceLastRead: false) == .milliseconds(20))
        #expect(delay.next(found: 2, wokenSinceLastRead: false) == .milliseconds(10), "events behind the fence came: stay close")
        var waits: [Duration] = []
        for _ in 0..<40 { waits.append(delay.next(found: 0, wokenSinceLastRead: false)) }
        #expect(waits.allSatisfy { $0 <= .seconds(1) } == false, "patience ends in the poll interval")
        #expect(waits.prefix(30).allSatisfy { $0 <= .seconds(1) })
    }

    @Test func neverWaitsLongerThanThePollInterval() {
        var delay = TailingDelay(pollInterval: .milliseconds(100))
        _ = delay.next(found: 0, wokenSinceLastRead: true)
        for _ in 0..<20 { #expect(delay.next(found: 0, wokenSinceLastRead: false) <= .milliseconds(100)) }
    }
}
