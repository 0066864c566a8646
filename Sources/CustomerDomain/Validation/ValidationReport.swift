/// Every problem found in one request, sorted by kind, because the contract
/// answers them with different codes: a malformed field (missing, wrong
/// format) is `validation/failed`, a broken business rule is `request/invalid`.
public struct ValidationReport: Hashable, Sendable {
    public private(set) var malformed: [FieldProblem] = []
    public private(set) var ruleViolations: [FieldProblem] = []

    public init() {}

    public var isValid: Bool { malformed.isEmpty && ruleViolations.isEmpty }

    /// All problems at once. When any field is malformed the whole report is a
    /// validation failure (the rule checks then ran on incomplete data);
    /// otherwise broken rules make the request invalid.
    public func check() throws(CustomerError) {
        if !malformed.isEmpty {
            throw .validationFailed(malformed + ruleViolations)
        }
        if !ruleViolations.isEmpty {
            throw .invalidRequest(detail: "The request breaks a business rule.", problems: ruleViolations)
        }
    }

    /// Records a malformed field. A pointer keeps only its first problem, so
    /// one mistake is not reported twice in different words.
    mutating func malformed(_ pointer: String, _ detail: String) {
        guard !mentions(pointer) else { return }
        malformed.append(FieldProblem(pointer: pointer, detail: detail))
    }

    mutating func violated(_ pointer: String, _ detail: String) {
        guard !mentions(pointer) else { return }
        ruleViolations.append(FieldProblem(pointer: pointer, detail: detail))
    }

    func mentions(_ pointer: String) -> Bool {
        malformed.contains { $0.pointer == pointer } || ruleViolations.contains { $0.pointer == pointer }
    }
}
