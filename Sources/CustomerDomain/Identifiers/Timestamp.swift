import Foundation

/// An instant with millisecond precision, the precision of the contract's
/// timestamps (`2026-03-09T20:46:31.305Z`). Events store instants as this type
/// so that encoding and decoding an event gives back exactly the same value.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// Truncates `date` to whole milliseconds.
    public init(_ date: Date) {
        self.millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public var date: Date {
        Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000)
    }

    /// The calendar day (UTC) this instant falls on.
    public var day: CalendarDate {
        CalendarDate(daysSince1970: floorDivide(millisecondsSince1970, 86_400_000))
    }

    /// ISO 8601 in UTC with exactly three fractional digits.
    public var iso8601: String {
        let day = self.day
        let millisecondOfDay = millisecondsSince1970 - day.daysSince1970 * 86_400_000
        let hours = millisecondOfDay / 3_600_000
        let minutes = millisecondOfDay / 60_000 % 60
        let seconds = millisecondOfDay / 1000 % 60
        let milliseconds = millisecondOfDay % 1000
        return "\(day.iso8601)T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(milliseconds, 3))Z"
    }

    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DDTHH:MM:SS.sssZ` (the fraction may be absent).
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"),
              bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hours = decimal(bytes[11..<13]), hours < 24,
              let minutes = decimal(bytes[14..<16]), minutes < 60,
              let seconds = decimal(bytes[17..<19]), seconds < 60
        else { return nil }
        var milliseconds: Int64 = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = decimal(bytes[20..<23]) else { return nil }
            milliseconds = fraction
        }
        self.millisecondsSince1970 = day.daysSince1970 * 86_400_000
            + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + milliseconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let timestamp = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 UTC timestamp")
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }
}

func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

func decimal(_ bytes: ArraySlice<UInt8>) -> Int64? {
    guard !bytes.isEmpty else { return nil }
    var value: Int64 = 0
    for byte in bytes {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return value
}

func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor < 0) ? quotient - 1 : quotient
}
