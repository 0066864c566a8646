import JSON
import Foundation

/// The JSON shape of a logged event, which is also one line of an export:
/// data and metadata inline as JSON objects (readable, and diffable with
/// standard tools) and the recorded time as ISO 8601 with microseconds.
extension LoggedEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case streamId, version, position, transactionId, type, schemaVersion, data, metadata, recordedAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let streamId = try container.decode(String.self, forKey: .streamId)
        let version = try container.decode(Int64.self, forKey: .version)
        let position = try container.decode(Int64.self, forKey: .position)
        let transactionId = try container.decode(UInt64.self, forKey: .transactionId)
        let type = try container.decode(String.self, forKey: .type)
        let schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        let data = try container.decode(JSONTree.self, forKey: .data)
        let metadata = try container.decodeIfPresent(JSONTree.self, forKey: .metadata) ?? .object([:])
        let recordedAtText = try container.decode(String.self, forKey: .recordedAt)
        guard let recordedAt = RecordedTime.parse(recordedAtText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .recordedAt, in: container,
                debugDescription: "\(recordedAtText) is not an ISO 8601 UTC time")
        }
        self.init(
            streamId: streamId, version: version, position: position, transactionId: transactionId,
            type: type, schemaVersion: schemaVersion, data: data.canonicalJSON, metadata: metadata.canonicalJSON,
            recordedAt: recordedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamId, forKey: .streamId)
        try container.encode(version, forKey: .version)
        try container.encode(position, forKey: .position)
        try container.encode(transactionId, forKey: .transactionId)
        try container.encode(type, forKey: .type)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(Self.inline(data), forKey: .data)
        try container.encode(Self.inline(metadata), forKey: .metadata)
        try container.encode(RecordedTime.microseconds(recordedAt), forKey: .recordedAt)
    }

    /// The log stores jsonb, which is always JSON; text that is not JSON is
    /// kept as a string so that an export never drops an event, and decoding
    /// it later names the event that is damaged.
    private static func inline(_ json: Data) -> JSONTree {
        JSONTree(json: json) ?? .string(String(decoding: json, as: UTF8.self))
    }
}
