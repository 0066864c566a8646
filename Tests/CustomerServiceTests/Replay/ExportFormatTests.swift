import JSON
import CustomerDomain
import Foundation
import Testing
@testable import CustomerService

@Suite struct ExportFormatTests {
    @Test func anExportReadsBackAsTheSameEvents() throws {
        let stream = try ReplayFixtures.janeStream()
        let read = try ExportFormat.read(ExportFormat.text(for: stream.events))

        #expect(read.count == stream.events.count)
        #expect(try read.map { try $0.decoded() } == stream.domainEvents)
        for (original, copy) in zip(stream.events, read) {
            #expect(copy.streamId == original.streamId)
            #expect((copy.version, copy.position, copy.transactionId) == (original.version, original.position, original.transactionId))
            #expect((copy.type, copy.schemaVersion) == (original.type, original.schemaVersion))
            #expect(JSONTree(json: copy.data) == JSONTree(json: original.data))
            #expect(copy.loggedMetadata == original.loggedMetadata)
            #expect(RecordedTime.microseconds(copy.recordedAt) == RecordedTime.microseconds(original.recordedAt))
        }
        #expect(read.map(ExportFormat.line(for:)) == stream.events.map(ExportFormat.line(for:)))
    }

    @Test func aLineIsOneJSONObjectWithSortedKeysAndInlineData() throws {
        let stream = try ReplayFixtures.janeStream()
        let line = ExportFormat.line(for: stream.events[0])

        #expect(!line.contains("\n"))
        #expect(line.hasPrefix(#"{"data":{"address":{"city":"Chicago""#))
        #expect(line.contains(#""metadata":{"actor":"ops-key","commandId":"command-1""#))
        #expect(line.contains(#""recordedAt":"2026-03-09T20:46:31.305000Z","schemaVersion":2,"streamId":"customer-customer_0123456789abcdef0123456789abcdef""#))
        #expect(line.contains(#""transactionId":901,"type":"IndividualCustomerCreated","version":1}"#))
    }

    @Test func recordedTimesKeepTheirMicroseconds() throws {
        let stream = try ReplayFixtures.janeStream()
        #expect(RecordedTime.microseconds(stream.events[1].recordedAt) == "2026-03-09T20:47:32.305123Z")
        #expect(RecordedTime.milliseconds(stream.events[1].recordedAt) == "2026-03-09T20:47:32.305Z")
        #expect(RecordedTime.parse("2026-03-09T20:47:32.305123Z").map(RecordedTime.microseconds) == "2026-03-09T20:47:32.305123Z")
        #expect(RecordedTime.parse("2026-03-09T20:47:32Z").map(RecordedTime.microseconds) == "2026-03-09T20:47:32.000000Z")
        #expect(RecordedTime.parse("2026-03-09 20:47:32Z") == nil)
    }

    @Test func blankLinesAreIgnored() throws {
        let stream = try ReplayFixtures.janeStream()
        let lines = stream.events.map(ExportFormat.line(for:))
        let text = "\n" + lines.joined(separator: "\n\n  \n") + "\r\n\n"
        #expect(try ExportFormat.read(text).count == stream.events.count)
    }

    @Test func aBadLineIsNamedByItsNumber() throws {
        let stream = try ReplayFixtures.janeStream()
        let lines = stream.events.prefix(2).map(ExportFormat.line(for:))
        let text = lines[0] + "\n\n" + "{\"streamId\": oops}\n" + lines[1] + "\n"

        #expect(throws: ExportFileError.self) { try ExportFormat.read(text) }
        do {
            _ = try ExportFormat.read(text)
        } catch {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("Line 3 is not a logged event"))
        }
    }

    @Test func aLineMissingAFieldNamesTheField() throws {
        let text = #"{"streamId":"customer-x","version":1}"#
        #expect(throws: ExportFileError.malformedLine(line: 1, reason: "missing position")) { try ExportFormat.read(text) }
    }

    @Test func aGapInVersionsIsRejected() throws {
        let stream = try ReplayFixtures.janeStream()
        var events = stream.events
        events.remove(at: 2)
        #expect(throws: ExportFileError.versionOutOfOrder(line: 3, expected: 3, found: 4)) {
            try ExportFormat.read(ExportFormat.text(for: events))
        }
    }

    @Test func aStreamMustStartAtVersionOne() throws {
        let stream = try ReplayFixtures.janeStream()
        #expect(throws: ExportFileError.versionOutOfOrder(line: 1, expected: 1, found: 2)) {
            try ExportFormat.read(ExportFormat.text(for: Array(stream.events.dropFirst())))
        }
    }

    @Test func eventsOfAnotherStreamAreRejected() throws {
        let jane = try ReplayFixtures.janeStream().events
        let acme = try ReplayFixtures.acmeStream().events
        let text = ExportFormat.text(for: [jane[0]]) + ExportFormat.text(for: [acme[1]])
        #expect(throws: ExportFileError.mixedStreams(line: 2, expected: jane[0].streamId, found: acme[1].streamId)) {
            try ExportFormat.read(text)
        }
    }
}

@Suite struct ExportMaskingAndUpcastingTests {
    @Test func aMaskedExportHidesTheTaxNumberAndReplaysTheSame() throws {
        let events = try ReplayFixtures.janeStream().events
        let masked = try events.map { try $0.masked() }
        let text = ExportFormat.text(for: masked)

        #expect(!text.contains(ReplayFixtures.ssn))
        #expect(Replay.text(of: try Replay.steps(try ExportFormat.read(text))) == Replay.text(of: try Replay.steps(events)))
    }

    @Test func anOldSchemaVersionInAnExportIsUpcastWhenRead() throws {
        let line = #"{"data":{"address":{"city":"Chicago","country":"USA","line1":"233 S Wacker Dr\nSuite 400","postalCode":"60606","state":"IL"},"createdAt":"2026-03-09T20:46:31.305Z","customerId":"customer_0123456789abcdef0123456789abcdef","email":"jane.smith@example.com","phone":"+14155550123"},"metadata":{},"position":7,"recordedAt":"2026-03-09T20:46:31.305000Z","schemaVersion":1,"streamId":"customer-customer_0123456789abcdef0123456789abcdef","transactionId":3,"type":"IndividualCustomerCreated","version":1}"#
        let events = try ExportFormat.read(line)
        let state = try TimeTravel.state(of: events, asOfVersion: 1)

        #expect(state.customer?.address?.line1 == "233 S Wacker Dr")
        #expect(state.customer?.address?.line2 == "Suite 400")
        #expect(try Replay.steps(events).first?.actor == nil)
    }
}

@Suite struct JSONPointerTests {
    @Test func keysWithSlashesAndTildesAreEscaped() {
        let tree = JSONTree.object(["meta": .object(["a/b": .integer(1), "c~d": .array([]), "list": .array([.bool(true)])])])
        #expect(JSONPointer.leaves(of: tree) == [
            "/meta/a~1b": .integer(1), "/meta/c~0d": .array([]), "/meta/list/0": .bool(true),
        ])
    }
}

@Suite struct ExportLineBreakTests {
    @Test func aLineSeparatorInsideAStringDoesNotSplitTheLine() throws {
        var event = try ReplayFixtures.janeStream().events[0]
        event.data = Data(#"{"description":"front\#u{2028}back"}"#.utf8)
        let read = try ExportFormat.read(ExportFormat.text(for: [event]))
        #expect(read.count == 1)
        #expect(JSONTree(json: read[0].data) == .object(["description": .string("front\u{2028}back")]))
    }
}
