import JSON
import Foundation

/// The JSON form of replay steps and history entries (`--json`): canonical JSON with recorded
/// times as ISO 8601 with microseconds, so output is stable.
public enum ReplayJSON {
    static let encoder = JSONTreeEncoder(dateEncoding: { .string(RecordedTime.microseconds($0)) })

    /// `value` as JSON text; `pretty` indents it for people.
    public static func text(_ value: some Encodable, pretty: Bool = false) throws -> String {
        String(decoding: CanonicalJSON.bytes(of: try encoder.encode(value), pretty: pretty), as: UTF8.self)
    }
}
