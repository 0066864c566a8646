import JSON

/// Free-form key/value data the caller attaches to a customer; an update replaces the whole
/// object. The contract allows only null and primitive values; any JSON decodes, so that
/// validation can point at the offending key instead of refusing the body.
public struct Meta: Codable, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public static let maximumKeys = 50
    public static let maximumKeyLength = 40
    public static let maximumStringLength = 500

    public var values: [String: JSONTree]

    /// Numbers are kept in the form JSON reads them back as (see `JSONTree.normalized`), so a
    /// meta object is equal to itself after a trip through the log.
    public init(_ values: [String: JSONTree] = [:]) { self.values = values.mapValues(\.normalized) }

    public init(dictionaryLiteral elements: (String, JSONTree)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: JSONTree].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
