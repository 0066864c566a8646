import Foundation

/// Why a value could not be decoded; `PostgresRow` adds the column name.
public struct DecodingFailure: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// A Swift type that can be read from a result value in text format.
public protocol PostgresDecodable: Sendable {
    static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Self
}

extension PostgresDecodable {
    static func required(_ text: String?) throws(DecodingFailure) -> String {
        guard let text else { throw DecodingFailure("is NULL, expected \(Self.self)") }
        return text
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Self {
        guard let text else { return nil }
        return try Wrapped.decode(postgresText: text, typeOID: typeOID)
    }
}

extension String: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> String {
        try required(text)
    }
}

/// Integers (and `xid8`, a full 64-bit transaction id, as `UInt64`) read from their decimal text.
extension PostgresDecodable where Self: FixedWidthInteger {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Self {
        let text = try required(text)
        guard let value = Self(text) else { throw DecodingFailure("'\(text)' is not a \(Self.self) value") }
        return value
    }
}

extension Int64: PostgresDecodable {}
extension Int: PostgresDecodable {}
extension Int32: PostgresDecodable {}
extension UInt64: PostgresDecodable {}

extension Double: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Double {
        let text = try required(text)
        guard let value = Double(text) else { throw DecodingFailure("'\(text)' is not a number") }
        return value
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Bool {
        switch try required(text) {
        case "t": return true
        case "f": return false
        case let other: throw DecodingFailure("'\(other)' is not a boolean")
        }
    }
}

extension Date: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Date {
        let text = try required(text)
        guard let date = PostgresTimestamp.parse(text) else { throw DecodingFailure("'\(text)' is not a finite timestamp") }
        return date
    }
}

/// `bytea` columns arrive hex-escaped (`\x0a1b…`); json, jsonb and text columns as their UTF-8 bytes.
extension Data: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> Data {
        let text = try required(text)
        guard typeOID == PostgresType.bytea else { return Data(text.utf8) }
        return try Data(HexBytea.decode(text))
    }
}

extension JSONB: PostgresDecodable {
    public static func decode(postgresText text: String?, typeOID: UInt32) throws(DecodingFailure) -> JSONB {
        JSONB(try required(text))
    }
}

enum HexBytea {
    static func decode(_ text: String) throws(DecodingFailure) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            throw DecodingFailure("bytea is not in hex format")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else {
                throw DecodingFailure("bytea has a character that is not hex")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
