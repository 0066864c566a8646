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

    @Test func eventsEndTheBackOff() {
        var delay = TailingDelay(pollInterval: .milliseconds(250))
        _ = delay.next(found: 0, wokenSinceLastRead: true)
        #expect(delay.next(found: 3, wokenSinceLastRead: false) == .milliseconds(250))
        #expect(delay.next(found: 0, wokenSinceLastRead: false) == .milliseconds(250))
    }

    @Test func neverWaitsLongerThanThePollInterval() {
        var delay = TailingDelay(pollInterval: .milliseconds(100))
        _ = delay.next(found: 0, wokenSinceLastRead: true)
        for _ in 0..<20 { #expect(delay.next(found: 0, wokenSinceLastRead: false) <= .milliseconds(100)) }
    }
}
