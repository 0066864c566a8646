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
