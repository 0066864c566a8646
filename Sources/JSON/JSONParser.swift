/// Why bytes are not one JSON text this service accepts.
public enum JSONParseFailure: Error, Equatable, Sendable {
    /// Not RFC 8259 JSON, or nested deeper than `JSONParser.maximumDepth`.
    case malformed
    /// An object names the same member twice. RFC 8259 leaves the meaning open, and two readers
    /// that keep different copies (the first, the last) would check one value and store the
    /// other; so it is refused, with the pointer of the second occurrence.
    case duplicateMember(pointer: String)
}

/// A strict RFC 8259 parser into `JSONTree`, over UTF-8 bytes. Every request body passes through
/// it, so it is a single pass with no thrown errors on the way (Codable's trial decoding threw
/// and caught several errors per value), and it refuses nesting deeper than `maximumDepth` and
/// objects with a repeated member name.
struct JSONParser {
    static let maximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    /// The member names and array indexes leading to the value being parsed, for the pointer
    /// of a duplicate member.
    private var path: [String] = []
    private var failure: JSONParseFailure = .malformed

    /// The value of `bytes`, or nil when they are not exactly one JSON text.
    static func parse(_ bytes: [UInt8]) -> JSONTree? {
        try? parseOrExplain(bytes).get()
    }

    /// The value of `bytes`, or why they are not exactly one JSON text.
    static func parseOrExplain(_ bytes: [UInt8]) -> Result<JSONTree, JSONParseFailure> {
        var parser = JSONParser(bytes: bytes)
        guard let value = parser.value(depth: 0) else { return .failure(parser.failure) }
        parser.skipWhitespace()
        return parser.index == bytes.count ? .success(value) : .failure(.malformed)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value(depth: Int) -> JSONTree? {
        guard depth <= Self.maximumDepth else { return nil }
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSONTree.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> JSONTree? {
        index += 1
        var members: [String: JSONTree] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipWhitespace()
            guard members[key] == nil else {
                failure = .duplicateMember(pointer: (path + [key]).reduce("") { jsonPointer($0, $1) })
                return nil
            }
            path.append(key)
            guard consume(UInt8(ascii: ":")), let member = value(depth: depth + 1) else { return nil }
            path.removeLast()
            members[key] = member
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}")) ? .object(members) : nil
        }
    }

    private mutating func array(depth: Int) -> JSONTree? {
        index += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(items) }
        while true {
            path.append(String(items.count))
            guard let item = value(depth: depth + 1) else { return nil }
            path.removeLast()
            items.append(item)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]")) ? .array(items) : nil
        }
    }

    private mutating func string() -> String? {
        index += 1
        // Most strings have no escape: made straight from their bytes, without a copy first.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(validating: bytes[start..<index - 1], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Only valid UTF-8 is text.
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20:
                return nil  // control characters must be escaped
            default:
                text.append(byte)
            }
        }
        return nil
    }

    /// `\uXXXX`, with a surrogate pair joined into one scalar; a lone surrogate is refused.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hexQuad() else { return nil }
        if (0xD800...0xDBFF).contains(first) {
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let second = hexQuad(),
                  (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }
        return Unicode.Scalar(first)
    }

    private mutating func hexQuad() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 65...70: digit = byte - 55
            case 97...102: digit = byte - 87
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func number() -> JSONTree? {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { return nil }
        }
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else { return nil }
        // An integral value written with a fraction or exponent (1e3, 2.0) is an integer, as
        // Foundation's decoder reads it too.
        if double.rounded() == double, abs(double) < 9.2e18, let integer = Int64(exactly: double) { return .integer(integer) }
        return .number(double)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: StaticString, _ value: JSONTree) -> JSONTree? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}

