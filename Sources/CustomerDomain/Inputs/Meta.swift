/// One value of a customer's `meta` object. The contract allows only null and
/// primitives; `array` and `object` exist so that any JSON decodes and
/// validation can point at the offending key instead of rejecting the body.
public enum MetaValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MetaValue])
    case object([String: MetaValue])

    public var isPrimitive: Bool {
        switch self {
        case .null, .bool, .number, .string: true
        case .array, .object: false
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MetaValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: MetaValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Free-form key/value data the caller attaches to a customer; an update
/// replaces the whole object.
public struct Meta: Codable, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public static let maximumKeys = 50
    public static let maximumKeyLength = 40
    public static let maximumStringLength = 500

    public var values: [String: MetaValue]

    public init(_ values: [String: MetaValue] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, MetaValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public init(from decoder: any Decoder) throws {
        self.values = try decoder.singleValueContainer().decode([String: MetaValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
