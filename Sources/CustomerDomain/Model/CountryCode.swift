/// An ISO 3166-1 alpha-3 code of an officially assigned country (`USA`, `GBR`).
public struct CountryCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    /// Only a code of the standard's list.
    public init?(rawValue: String) {
        guard CountryCodes.alpha3.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// For literals in code and tests; an unknown literal is a programming error.
    public init(stringLiteral value: String) {
        precondition(CountryCodes.alpha3.contains(value), "\(value) is not an ISO 3166-1 alpha-3 code")
        rawValue = value
    }

    public var description: String { rawValue }

    public static let usa: CountryCode = "USA"

    /// Every officially assigned code.
    public static var all: Set<String> { CountryCodes.alpha3 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CountryCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 3166-1 alpha-3 code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
