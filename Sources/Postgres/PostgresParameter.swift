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
        PostgresParameter(bytes: PostgresArrayLiteral.encode(self), format: .text, typeOID: 0)
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

/// JSON text sent as `jsonb`: UTF-8 bytes the caller already encoded, passed on as they are.
public struct JSONB: Sendable, Hashable, PostgresEncodable {
    public var bytes: [UInt8]

    public init(_ text: String) { self.bytes = Array(text.utf8) }
    public init(_ data: Data) { self.bytes = Array(data) }
    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var postgresParameter: PostgresParameter {
        PostgresParameter(bytes: bytes, format: .text, typeOID: PostgresType.jsonb)
    }
}

/// A value that can be an element of a parameter array (sent as an array literal in text).
public protocol PostgresArrayElement: Sendable {
    /// Appends the element's text to `literal` (nil-returning elements are written as NULL).
    /// Returns false for a NULL element.
    func appendArrayElement(to literal: inout [UInt8]) -> Bool
}

extension String: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        PostgresArrayLiteral.appendQuoted(utf8, to: &literal)
        return true
    }
}

extension JSONB: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        PostgresArrayLiteral.appendQuoted(bytes, to: &literal)
        return true
    }
}

extension Int: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        literal.append(contentsOf: String(self).utf8)
        return true
    }
}

extension Int64: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        literal.append(contentsOf: String(self).utf8)
        return true
    }
}

extension Int32: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        literal.append(contentsOf: String(self).utf8)
        return true
    }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    public func appendArrayElement(to literal: inout [UInt8]) -> Bool {
        guard let self else { return false }
        return self.appendArrayElement(to: &literal)
    }
}

enum PostgresArrayLiteral {
    /// `{"a","b\"c",NULL}`: every element quoted, so no element text can break the literal.
    /// Built on bytes: this runs for every event of every append.
    static func encode<Element: PostgresArrayElement>(_ elements: [Element]) -> [UInt8] {
        var literal: [UInt8] = []
        literal.reserveCapacity(2 + elements.count * 16)
        literal.append(UInt8(ascii: "{"))
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            let mark = literal.count
            if !element.appendArrayElement(to: &literal) {
                literal.removeSubrange(mark...)
                literal.append(contentsOf: "NULL".utf8)
            }
        }
        literal.append(UInt8(ascii: "}"))
        return literal
    }

    static func appendQuoted(_ text: some Collection<UInt8>, to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        // Runs between quotes and backslashes are copied whole: JSON text has many of both.
        var start = text.startIndex
        var index = start
        while index != text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                literal.append(contentsOf: text[start..<index])
                literal.append(UInt8(ascii: "\\"))
                start = index
            }
            text.formIndex(after: &index)
        }
        literal.append(contentsOf: text[start..<index])
        literal.append(UInt8(ascii: "\""))
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
