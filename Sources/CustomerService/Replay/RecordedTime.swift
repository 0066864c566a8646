import CustomerDomain
import Foundation

/// The text form of a recorded time. PostgreSQL records instants to the
/// microsecond, so exports keep all six digits and a replay from a file sees
/// exactly the times a live replay sees; human-readable output shows the
/// contract's milliseconds.
public enum RecordedTime {
    /// `2026-03-09T20:46:31.305123Z`.
    public static func microseconds(_ date: Date) -> String {
        let micros = microsecondsSince1970(date)
        let millis = floorDivide(micros, 1000)
        let extra = micros - millis * 1000
        let milliText = Timestamp(millisecondsSince1970: millis).iso8601
        return String(milliText.dropLast()) + digits(extra, width: 3) + "Z"
    }

    /// `2026-03-09T20:46:31.305Z`, truncated to whole milliseconds.
    public static func milliseconds(_ date: Date) -> String {
        Timestamp(millisecondsSince1970: floorDivide(microsecondsSince1970(date), 1000)).iso8601
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f…]Z` with up to six fractional digits.
    public static func parse(_ text: String) -> Date? {
        guard text.hasSuffix("Z"), text.utf8.count >= 20 else { return nil }
        let wholeSeconds = String(text.prefix(19))
        let fraction = text.dropFirst(19).dropLast()
        var micros: Int64 = 0
        if !fraction.isEmpty {
            let fractionDigits = fraction.dropFirst()
            guard fraction.first == ".", (1...6).contains(fractionDigits.count),
                  fractionDigits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int64(fractionDigits.padding(toLength: 6, withPad: "0", startingAt: 0))
            else { return nil }
            micros = value
        }
        guard let seconds = Timestamp(iso8601: wholeSeconds + "Z") else { return nil }
        return date(microsecondsSince1970: seconds.millisecondsSince1970 * 1000 + micros)
    }

    /// The last microsecond a stated time covers: `…:31.305Z` is every instant of that
    /// millisecond, `…:31Z` of that second. Times in responses and history are shown to the
    /// millisecond, so "as of" a time copied from them must include the event recorded then.
    public static func parseThroughEnd(_ text: String) -> Date? {
        guard let start = parse(text) else { return nil }
        let digits = text.dropFirst(20).dropLast().count
        let unit: Int64 = [0: 1_000_000, 1: 100_000, 2: 10_000, 3: 1_000, 4: 100, 5: 10, 6: 1][digits] ?? 1
        return date(microsecondsSince1970: microsecondsSince1970(start) + unit - 1)
    }

    /// The instant rounded to the nearest microsecond: a `Date` is a binary
    /// fraction, and rounding gives every path the same integer.
    static func microsecondsSince1970(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(microsecondsSince1970 micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    private static func digits(_ value: Int64, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
