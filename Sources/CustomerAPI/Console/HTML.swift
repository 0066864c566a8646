/// A fragment of HTML. Text interpolated into it is escaped; only another `HTML` goes in as
/// markup, and markup itself can only be written in the source: literals are `StaticString`s,
/// so no string made at run time can become markup. A customer's name, a problem's detail or a
/// query parameter is text however it is spelled, and no template has to remember to escape.
/// (Escaping is right for text and double-quoted attributes, which is all the console writes;
/// its URLs are built from validated ids.)
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    typealias StringLiteralType = StaticString

    private let markup: String

    init(stringLiteral value: StaticString) {
        markup = value.description
    }

    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    private init(markup: String) {
        self.markup = markup
    }

    static let empty = HTML(markup: "")

    var description: String { markup }

    /// Fragments one after the other.
    init(joining fragments: some Sequence<HTML>) {
        markup = fragments.reduce(into: "") { $0 += $1.markup }
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(markup: lhs.markup + rhs.markup)
    }

    struct Interpolation: StringInterpolationProtocol {
        typealias StringLiteralType = StaticString

        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            markup += literal.description
        }

        mutating func appendInterpolation(_ fragment: HTML) {
            markup += fragment.markup
        }

        mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { markup += fragment.markup }
        }

        mutating func appendInterpolation(_ text: String) {
            markup += HTML.escaped(text)
        }

        mutating func appendInterpolation(_ text: String?) {
            markup += HTML.escaped(text ?? "")
        }

        mutating func appendInterpolation(_ number: some BinaryInteger) {
            markup += String(number)
        }
    }

    /// `text` with the five characters that mean something in HTML (in text and in quoted
    /// attribute values alike) written as character references.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
