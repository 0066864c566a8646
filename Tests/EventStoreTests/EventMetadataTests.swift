import EventStore
import Foundation
import Testing

@Suite struct EventMetadataTests {
    @Test(arguments: [
        EventMetadata(),
        EventMetadata(actor: "ops-key"),
        EventMetadata(
            commandId: "c", commandType: "T", actor: "quote \" backslash \\ newline \n tab \t bell \u{07} é 🙂",
            requestId: "r", correlationId: "k", causationId: "z", idempotencyKey: "</script>"),
    ])
    func writesSortedJSONThatReadsBackEqual(metadata: EventMetadata) throws {
        let json = metadata.json()
        #expect(try JSONDecoder().decode(EventMetadata.self, from: Data(json.utf8)) == metadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(metadata)) as? NSDictionary
        let written = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        #expect(written == reference)
        let keys = try #require(written?.allKeys as? [String]).sorted()
        let positions = keys.map { key in json.range(of: "\"\(key)\":")!.lowerBound }
        #expect(positions == positions.sorted(), "keys are not in sorted order: \(json)")
    }
}
