import CustomerDomain
import Testing
@testable import CustomerService

@Suite struct ReplayWindowTests {
    /// A window of versions gives exactly those steps of the whole replay.
    @Test func aWindowIsTheSameStepsAsTheWholeReplayThere() throws {
        let stream = try ReplayFixtures.janeStream()
        let decoded = try DecodedStream(stream.events)
        let whole = Replay.steps(decoded)
        #expect(whole == (try Replay.steps(stream.events)))
        for window in [1...1, 2...4, 3...5, 5...5, 1...5, 4...99, 6...9] as [ClosedRange<Int64>] {
            #expect(Replay.steps(decoded, versions: window) == whole.filter { window.contains($0.version) }, "\(window)")
        }
        #expect(Replay.steps(decoded, versions: 0...Int64.max) == whole)
    }
}
