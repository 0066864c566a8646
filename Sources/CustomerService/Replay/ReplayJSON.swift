import Foundation

/// The JSON form of replay steps and history entries (`--json`): sorted keys
/// and recorded times as ISO 8601 with microseconds, so output is stable.
public enum ReplayJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONTree.canonicalEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RecordedTime.microseconds(date))
        }
        return encoder
    }

    /// `value` as JSON text; `pretty` indents it for people.
    public static func text(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = encoder()
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
