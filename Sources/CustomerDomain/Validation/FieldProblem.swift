/// One thing wrong with one field of a request: where (a JSON pointer such as
/// `/address/country`) and what, in plain language.
public struct FieldProblem: Codable, Hashable, Sendable, CustomStringConvertible {
    public let pointer: String
    public let detail: String

    public init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }

    public var description: String { "\(pointer): \(detail)" }
}

/// Builds JSON pointers (RFC 6901), escaping `~` and `/` inside a token so a
/// meta key such as `a/b` points at itself.
public func jsonPointer(_ base: String, _ token: String) -> String {
    // Nearly every token needs no escaping: skip the string rewriting then (it is on every request's path).
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return base + "/" + token }
    return base + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

public func jsonPointer(_ base: String, _ index: Int) -> String {
    base + "/" + String(index)
}
