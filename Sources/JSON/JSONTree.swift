import Foundation

/// A parsed JSON value. Exports embed event data as JSON objects rather than
/// strings, and replay compares views field by field, so both need JSON as a
/// value rather than as text.
public enum JSONTree: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    /// Integers are kept apart from other numbers so they print without a fraction.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses UTF-8 JSON text; nil when it is not JSON (or nests deeper than 128 levels, or an
    /// object repeats a member).
    public init?(json: Data) {
        guard let tree = JSONParser.parse(Array(json)) else { return nil }
        self = tree
    }

    /// Parses UTF-8 JSON text, or says why it is refused.
    public static func parse(_ bytes: [UInt8]) -> Result<JSONTree, JSONParseFailure> {
        JSONParser.parseOrExplain(bytes)
    }

    /// `value` as JSON, through its Codable form; nil when it cannot be encoded.
    public init?(encoding value: some Encodable) {
        guard let tree = try? JSONTreeEncoder().encode(value) else { return nil }
        self = tree
    }

    /// Canonical JSON text (see `CanonicalJSON`): one form per value.
    public var canonicalJSON: Data { Data(CanonicalJSON.bytes(of: self)) }

    /// The value on one line, for replay and history text.
    public var rendered: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): CanonicalJSON.numberText(value)
        case .string(let value): JSONString.literal(value)
        case .array(let values): values.isEmpty ? "[]" : String(decoding: canonicalJSON, as: UTF8.self)
        case .object(let members): members.isEmpty ? "{}" : String(decoding: canonicalJSON, as: UTF8.self)
        }
    }

    /// True for null, booleans, numbers and strings.
    public var isPrimitive: Bool {
        switch self {
        case .null, .bool, .integer, .number, .string: true
        case .array, .object: false
        }
    }

    /// The same value in the one form the parser reads it back as: integral numbers as
    /// integers, throughout.
    public var normalized: JSONTree {
        switch self {
        case .number(let value): JSONTree.number(checked: value)
        case .array(let items): .array(items.map(\.normalized))
        case .object(let members): .object(members.mapValues(\.normalized))
        default: self
        }
    }
}
