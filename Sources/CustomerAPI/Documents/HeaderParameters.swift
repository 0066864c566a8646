/// A header value of the form `value; name=token; name="quoted \"string\""`,
/// as `Content-Type` and `Content-Disposition` write it (RFC 9110 §5.6.6,
/// RFC 6266). Parameter names are case-insensitive, so they are kept
/// lowercased; when a name repeats, the first occurrence wins. An extended
/// parameter `name*=utf-8''percent%20encoded` (RFC 8187) is decoded and
/// stored under `name*`.
struct HeaderParameters: Hashable, Sendable {
    /// The value before the first `;`, trimmed and lowercased (`form-data`, `multipart/form-data`).
    var value: String
    var parameters: [String: String]

    struct ParseError: Error, Hashable, Sendable {
        var detail: String
    }

    init(parsing text: String) throws(ParseError) {
        var scanner = Scanner(bytes: Array(text.utf8))
        value = scanner.text(upTo: UInt8(ascii: ";")).lowercased()
        parameters = [:]
        while scanner.skip(UInt8(ascii: ";")) {
            scanner.skipWhitespace()
            if scanner.isAtEnd || scanner.peek == UInt8(ascii: ";") { continue }
            let name = scanner.text(upTo: UInt8(ascii: "="), orSemicolon: true).lowercased()
            guard !name.isEmpty else { throw ParseError(detail: "a parameter has no name") }
            guard scanner.skip(UInt8(ascii: "=")) else {
                throw ParseError(detail: "the parameter '\(name.prefix(40))' has no value")
            }
            scanner.skipWhitespace()
            var parameterValue: String
            if scanner.peek == UInt8(ascii: "\"") {
                parameterValue = try scanner.quotedString()
                scanner.skipWhitespace()
                guard scanner.isAtEnd || scanner.peek == UInt8(ascii: ";") else {
                    throw ParseError(detail: "unexpected text after the quoted value of '\(name.prefix(40))'")
                }
            } else {
                parameterValue = scanner.text(upTo: UInt8(ascii: ";"))
            }
            if name.hasSuffix("*") {
                guard let decoded = Self.decodeExtendedValue(parameterValue) else {
                    throw ParseError(detail: "the parameter '\(name.prefix(40))' is not a valid UTF-8 extended value")
                }
                parameterValue = decoded
            }
            if parameters[name] == nil { parameters[name] = parameterValue }
        }
    }

    /// RFC 8187: `charset'language'percent-encoded`. Only UTF-8 (and its
    /// ASCII subset) is accepted; anything else is refused rather than guessed.
    static func decodeExtendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        let charset = pieces[0].lowercased()
        guard charset == "utf-8" || charset == "us-ascii" else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(pieces[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Reads the UTF-8 bytes of a header value. It splits only at ASCII
    /// bytes, so every piece of valid UTF-8 it returns is valid UTF-8 too.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index >= bytes.count }
        var peek: UInt8? { isAtEnd ? nil : bytes[index] }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
        }

        /// The text up to `stop` (or, with `orSemicolon`, up to `;` too), trimmed of spaces and tabs.
        mutating func text(upTo stop: UInt8, orSemicolon: Bool = false) -> String {
            let start = index
            while let byte = peek, byte != stop, !(orSemicolon && byte == UInt8(ascii: ";")) { index += 1 }
            var end = index
            var begin = start
            while begin < end, bytes[begin] == UInt8(ascii: " ") || bytes[begin] == UInt8(ascii: "\t") { begin += 1 }
            while end > begin, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            return String(decoding: bytes[begin..<end], as: UTF8.self)
        }

        /// A quoted-string starting at the opening quote; `\x` stands for `x`.
        mutating func quotedString() throws(ParseError) -> String {
            index += 1
            var content: [UInt8] = []
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { break }
                    index += 1
                    content.append(escaped)
                default:
                    content.append(byte)
                }
            }
            throw ParseError(detail: "a quoted value is not closed")
        }
    }
}
