import TestSupport
import CustomerDomain
import CustomerService
import Testing

/// `customers replay --from-file` on an export prints what `customers replay` prints live.
@Suite struct ReplayFromExportTests {
    @Test func replayingAMaskedExportPrintsTheSameTransitionsAsReplayingTheLog() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let live = try await harness.history.events(of: jane)
            let liveText = Replay.text(of: try Replay.steps(live))

            let file = ExportFormat.text(for: try live.map { try $0.masked() })
            let fromFile = Replay.text(of: try Replay.steps(try ExportFormat.read(file)))

            #expect(fromFile == liveText)
            #expect(liveText.contains("status pending → approved"))
        }
    }
}
