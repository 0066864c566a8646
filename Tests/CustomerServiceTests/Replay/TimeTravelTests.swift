import CustomerDomain
import Foundation
import Testing
@testable import CustomerService

@Suite struct TimeTravelTests {
    @Test func theStateAtVersionOneIsTheFirstEventFolded() throws {
        let stream = try ReplayFixtures.janeStream()
        let state = try TimeTravel.state(of: stream.events, asOfVersion: 1)
        #expect(state == fold(stream.domainEvents.prefix(1)))
        #expect(state.customer?.address?.city == "Chicago")
        #expect(state.customer?.documents.isEmpty == true)
    }

    @Test func theStateAtEachVersionIsThatPrefixFolded() throws {
        let stream = try ReplayFixtures.janeStream()
        for version in 1...stream.events.count {
            let state = try TimeTravel.state(of: stream.events, asOfVersion: Int64(version))
            #expect(state == fold(stream.domainEvents.prefix(version)))
        }
        #expect(try TimeTravel.state(of: stream.events, asOfVersion: Int64(stream.events.count)) == stream.state)
    }

    @Test func theStateAtATimeHoldsEverythingRecordedByThen() throws {
        let stream = try ReplayFixtures.janeStream()
        // v3 (the liveness report) and v4 (the profile becoming pending) were
        // recorded in one transaction, so they share a time.
        let third = stream.events[2].recordedAt
        let state = try TimeTravel.state(of: stream.events, asOf: third)
        #expect(state == fold(stream.domainEvents.prefix(4)))
        #expect(state.customer?.verificationProfile.status == .pending)

        let justBefore = try TimeTravel.state(of: stream.events, asOf: third.addingTimeInterval(-0.000_001))
        #expect(justBefore == fold(stream.domainEvents.prefix(2)))
    }

    @Test func aVersionBeyondTheStreamIsAnError() throws {
        let stream = try ReplayFixtures.janeStream()
        #expect(throws: HistoryError.versionBeyondStream(requested: 8, latest: 7)) {
            try TimeTravel.state(of: stream.events, asOfVersion: 8)
        }
    }

    @Test func versionsStartAtOne() throws {
        let stream = try ReplayFixtures.janeStream()
        #expect(throws: HistoryError.versionBelowOne(requested: 0)) {
            try TimeTravel.state(of: stream.events, asOfVersion: 0)
        }
    }

    @Test func aTimeBeforeTheFirstEventIsAnError() throws {
        let stream = try ReplayFixtures.janeStream()
        let first = stream.events[0].recordedAt
        let early = first.addingTimeInterval(-1)
        #expect(throws: HistoryError.timeBeforeFirstEvent(requested: early, firstRecordedAt: first)) {
            try TimeTravel.state(of: stream.events, asOf: early)
        }
    }

    @Test func anUnreadableEventNamesItsVersion() throws {
        var events = try ReplayFixtures.janeStream().events
        events[1].type = "DocumentShredded"
        #expect(throws: HistoryError.undecodable(UndecodableEvent(
            streamId: events[1].streamId, version: 2, reason: .unknownType("DocumentShredded")))) {
            try TimeTravel.state(of: events, asOfVersion: 3)
        }
    }
}

@Suite struct StatedTimeTests {
    @Test(arguments: [
        ("2026-03-09T20:46:31.305Z", 1_773_089_191_305_999),
        ("2026-03-09T20:46:31Z", 1_773_089_191_999_999),
        ("2026-03-09T20:46:31.305123Z", 1_773_089_191_305_123),
        ("2026-03-09T20:46:31.3Z", 1_773_089_191_399_999),
    ])
    func aStatedTimeCoversItsWholePrecision(text: String, lastMicrosecond: Int64) throws {
        let date = try #require(RecordedTime.parseThroughEnd(text))
        #expect(RecordedTime.microsecondsSince1970(date) == lastMicrosecond)
    }
}
