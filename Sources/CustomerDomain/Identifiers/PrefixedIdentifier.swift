/// An identifier made of a fixed prefix and 32 lowercase hexadecimal digits
/// (`customer_0f3a…`). The digits come from 16 random bytes that the caller
/// supplies, so the domain itself never draws random numbers.
public protocol PrefixedIdentifier: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    static var prefix: String { get }
    /// Wraps a value already known to have the right shape.
    init(unchecked rawValue: String)
}

extension PrefixedIdentifier {
    /// Number of random bytes behind the 32 hexadecimal digits.
    public static var randomByteCount: Int { 16 }

    /// Accepts only `prefix` followed by exactly 32 lowercase hexadecimal digits.
    public init?(rawValue: String) {
        guard rawValue.hasPrefix(Self.prefix) else { return nil }
        let digits = rawValue.utf8.dropFirst(Self.prefix.utf8.count)
        guard digits.count == 32, digits.allSatisfy(isLowercaseHexDigit) else { return nil }
        self.init(unchecked: rawValue)
    }

    /// Builds an identifier from exactly 16 bytes (for example from a
    /// cryptographically secure generator); any other count gives `nil`.
    public init?(randomBytes bytes: [UInt8]) {
        guard bytes.count == Self.randomByteCount else { return nil }
        self.init(unchecked: Self.prefix + hexadecimal(bytes))
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let identifier = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(text) is not \(Self.prefix) followed by 32 lowercase hexadecimal digits"
            )
        }
        self = identifier
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

private func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
}

private func hexadecimal(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
    }
    return text
}

/// Identifies a customer: `customer_` + 32 hexadecimal digits.
public struct CustomerID: PrefixedIdentifier {
    public static let prefix = "customer_"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a business representative: `associatedPerson_` + 32 hexadecimal digits.
public struct RepresentativeID: PrefixedIdentifier {
    public static let prefix = "associatedPerson_"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an uploaded document: `document_` + 32 hexadecimal digits.
public struct DocumentID: PrefixedIdentifier {
    public static let prefix = "document_"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}
