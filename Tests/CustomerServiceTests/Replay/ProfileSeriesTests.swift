import CustomerDomain
import Testing
@testable import CustomerService

@Suite struct ProfileSeriesTests {
    /// Jane: created, two uploads (the second makes her pending), the passport rejected, an
    /// address change.
    @Test func aPointPerVersionWithTheStatusAndEachListsSize() throws {
        let stream = try ReplayFixtures.janeStream()
        let series = try ProfileSeries.all(of: stream.events)

        #expect(series.count == 1)
        let jane = try #require(series.first)
        #expect(jane.subject == .customer(ReplayFixtures.janeID))
        #expect(jane.profile == .kycProfileA)
        #expect(jane.points.map(\.version) == stream.events.map(\.version))
        let created = try #require(jane.points.first)
        #expect((created.status, created.complete, created.pending, created.required, created.errors) == (.incomplete, 4, 0, 2, 0))
        let rejected = try #require(jane.points.first { $0.errors == 1 })
        #expect((rejected.pending, rejected.required) == (1, 0))
        #expect(jane.points.last?.errors == 1)
    }

    @Test func aRepresentativesSeriesStartsWithTheRepresentative() throws {
        let stream = try ReplayFixtures.acmeStream()
        let series = try ProfileSeries.all(of: stream.events)

        #expect(series.map(\.profile) == [.kybProfileA, .uboKycProfileA])
        #expect(series[0].points.map(\.version) == [1, 2, 3])
        #expect(series[1].subject == .representative(ReplayFixtures.representativeID(7)))
        #expect(series[1].points.map(\.version) == [2, 3])
    }

    @Test func anEmptyStreamHasNoSeries() throws {
        #expect(try ProfileSeries.all(of: []).isEmpty)
    }
}
