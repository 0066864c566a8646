import Foundation

/// The one JSON form of everything the service writes: object members sorted by the UTF-8
/// bytes of their names, no insignificant white space, slashes and non-ASCII text as they are,
/// integers without a fraction. Events, read models, responses and exports all use it, so the
/// same value always has the same bytes.
public enum CanonicalJSON {
    /// `value` as canonical JSON text.
    public static func encode(_ value: some Encodable, encoder: JSONTreeEncoder = JSONTreeEncoder()) throws -> Data {
        Data(try encoder.canonicalBytes(value))
    }

    /// The canonical text of `tree`; `pretty` indents it by two spaces for people (and writes
    /// `"name" : value`).
    public static func bytes(of tree: JSONTree, pretty: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(tree, to: &output, indent: pretty ? 0 : nil)
        return output
    }

    static func write(_ tree: JSONTree, to output: inout [UInt8], indent: Int? = nil) {
        switch tree {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value): output.append(contentsOf: numberText(value).utf8)
        case .string(let value): JSONString.append(value, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent.map { $0 + 1 })
                write(item, to: &output, indent: indent.map { $0 + 1 })
            }
            if !items.isEmpty { newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent.map { $0 + 1 })
                JSONString.append(key, to: &output)
                // Pretty text keeps the spacing the command line has always printed.
                output.append(contentsOf: indent == nil ? [UInt8(ascii: ":")] : Array(" : ".utf8))
                write(members[key]!, to: &output, indent: indent.map { $0 + 1 })
            }
            if !keys.isEmpty { newline(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// The shortest text that reads back as `value` (Swift's), which is valid JSON for every
    /// finite number; a non-finite one cannot occur (the encoder writes those as strings).
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value.description
    }
}

/// JSON string literals, escaped as RFC 8259 requires and no more: the quote, the backslash and
/// control characters; everything else, `/` and non-ASCII text included, as it is.
public enum JSONString {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func append(_ value: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                json.append(contentsOf: "\\u00".utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0xf)])
            default:
                json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// `value` as a JSON string literal.
    public static func literal(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
