import Foundation

/// One statement parameter as libpq sends it: text or binary bytes (nil is SQL NULL) and an
/// optional type OID (0 lets the server infer the type from the statement).
public struct PostgresParameter: Sendable, Equatable {
    public enum Format: Int32, Sendable { case text = 0, binary = 1 }

    public var bytes: [UInt8]?
    public var format: Format
    public var typeOID: UInt32

    public static let null = PostgresParameter(bytes: nil, format: .text, typeOID: 0)

    public static func text(_ value: String, typeOID: UInt32 = 0) -> PostgresParameter {
        PostgresParameter(bytes: Array(value.utf8), format: .text, typeOID: typeOID)
    }

    public static func binary(_ value: [UInt8], typeOID: UInt32) -> PostgresParameter {
        PostgresParameter(bytes: value, format: .binary, typeOID: typeOID)
    }
}

/// A Swift value that can travel as a statement parameter.
public protocol PostgresEncodable: Sendable {
    var postgresParameter: PostgresParameter { get }
}

extension PostgresParameter: PostgresEncodable {
    public var postgresParameter: PostgresParameter { self }
}

extension String: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(self) }
}

extension Substring: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension Int: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension Int64: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension Int32: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension UInt64: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension Bool: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(self ? "t" : "f") }
}

extension Double: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(String(self)) }
}

extension Date: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .text(PostgresTimestamp.format(self), typeOID: PostgresType.timestamptz) }
}

/// `bytea` travels in binary format: no escaping, no doubling of its size.
extension Data: PostgresEncodable {
    public var postgresParameter: PostgresParameter { .binary(Array(self), typeOID: PostgresType.bytea) }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public var postgresParameter: PostgresParameter {
        .text(PostgresArrayLiteral.encode(map { $0.arrayElementText }))
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresParameter: PostgresParameter {
        switch self {
        case .some(let value): value.postgresParameter
        case .none: .null
        }
    }
}

/// JSON text sent as `jsonb`; the bytes are the caller's, already encoded.
public struct JSONB: Sendable, Hashable, PostgresEncodable {
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(_ data: Data) { self.text = String(decoding: data, as: UTF8.self) }

    public var postgresParameter: PostgresParameter { .text(text, typeOID: PostgresType.jsonb) }
}

/// A value that can be an element of a parameter array (sent as an array literal in text).
public protocol PostgresArrayElement: Sendable {
    /// The element's text, or nil for a NULL element.
    var arrayElementText: String? { get }
}

extension String: PostgresArrayElement { public var arrayElementText: String? { self } }
extension Int: PostgresArrayElement { public var arrayElementText: String? { String(self) } }
extension Int64: PostgresArrayElement { public var arrayElementText: String? { String(self) } }
extension Int32: PostgresArrayElement { public var arrayElementText: String? { String(self) } }
extension JSONB: PostgresArrayElement { public var arrayElementText: String? { text } }
extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    public var arrayElementText: String? { self?.arrayElementText }
}

enum PostgresArrayLiteral {
    /// `{"a","b\"c",NULL}`: every element quoted, so no element text can break the literal.
    static func encode(_ elements: [String?]) -> String {
        var literal = "{"
        literal.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(",") }
            guard let element else {
                literal.append("NULL")
                continue
            }
            literal.append("\"")
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { literal.append("\\") }
                literal.unicodeScalars.append(character)
            }
            literal.append("\"")
        }
        literal.append("}")
        return literal
    }
}

/// Type OIDs of the built-in types this layer names.
public enum PostgresType {
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let json: UInt32 = 114
    public static let timestamptz: UInt32 = 1184
    public static let jsonb: UInt32 = 3802
    public static let xid8: UInt32 = 5069
}
