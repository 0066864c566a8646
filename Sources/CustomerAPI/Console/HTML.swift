/// A fragment of HTML. Text interpolated into it is escaped; only another `HTML` goes in as
/// markup. So a customer's name, a problem's detail or a query parameter can never become
/// markup, however it is spelled, and no template has to remember to escape.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init(stringLiteral value: String) {
        markup = value
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
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
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
