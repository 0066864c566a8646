@testable import CustomerDomain

/// What a validation report amounts to: the contract code (nil when valid)
/// and the pointers of the problems.
struct Outcome: Equatable, CustomStringConvertible {
    var code: String?
    var pointers: [String]

    static let valid = Outcome(code: nil, pointers: [])
    static func failed(_ pointers: String...) -> Outcome { Outcome(code: "validation/failed", pointers: pointers) }
    static func invalid(_ pointers: String...) -> Outcome { Outcome(code: "request/invalid", pointers: pointers) }

    init(code: String?, pointers: [String]) {
        self.code = code
        self.pointers = pointers
    }

    init(_ report: ValidationReport) {
        do {
            try report.check()
            self = .valid
        } catch {
            self.init(error)
        }
    }

    init(_ error: CustomerError) {
        self.init(code: error.code, pointers: error.problems.map(\.pointer))
    }

    init(deciding command: CustomerCommand, on state: CustomerState) {
        do {
            _ = try decide(command, state: state, context: Fixtures.context)
            self = .valid
        } catch {
            self.init(error)
        }
    }

    var description: String { "\(code ?? "valid") \(pointers)" }
}

/// A named change to a valid request and what validation must say about it.
struct Case<Input: Sendable>: Sendable, CustomStringConvertible {
    let name: String
    let change: @Sendable (inout Input) -> Void
    let expected: Outcome

    init(_ name: String, _ expected: Outcome, _ change: @escaping @Sendable (inout Input) -> Void) {
        self.name = name
        self.change = change
        self.expected = expected
    }

    func applied(to input: Input) -> Input {
        var copy = input
        change(&copy)
        return copy
    }

    var description: String { name }
}

func text(_ count: Int, _ character: Character = "a") -> String {
    String(repeating: character, count: count)
}

/// An address of exactly `length` characters: 64 in the local part, the rest
/// spread over DNS labels of at most 63.
func email(ofLength length: Int) -> String {
    let domainLength = length - 65
    let last = domainLength - 63 - 1 - 63 - 1 - 4
    return text(64) + "@" + text(63, "b") + "." + text(63, "c") + "." + text(last, "d") + ".com"
}
