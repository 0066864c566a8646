/// The contract's error body:
/// `{"status", "code", "detail", "correlationId", "errors": [{"detail", "pointer"}]}`.
public struct ProblemDetails: Codable, Hashable, Sendable, Error {
    public var status: Int
    public var code: String
    public var detail: String
    public var correlationId: String
    public var errors: [FieldProblem]

    /// The HTTP status of each of the contract's error codes.
    public static let statusByCode: [String: Int] = [
        "validation/failed": 422,
        "request/invalid": 400,
        "customer/not-found": 404,
        "customer/duplicate": 409,
        "concurrency/conflict": 409,
        "auth/unauthorized": 401,
        "auth/forbidden": 403,
        "request/too-large": 413,
        "idempotency/mismatch": 422,
        "review/four-eyes": 403,
        "customer/legal-hold": 409,
    ]

    public init(status: Int, code: String, detail: String, correlationId: String, errors: [FieldProblem] = []) {
        self.status = status
        self.code = code
        self.detail = detail
        self.correlationId = correlationId
        self.errors = errors
    }

    /// A contract code with its status from `statusByCode`.
    public init(code: String, detail: String, correlationId: String, errors: [FieldProblem] = []) {
        self.init(status: Self.statusByCode[code] ?? 400, code: code, detail: detail, correlationId: correlationId, errors: errors)
    }

    public init(_ error: CustomerError, correlationId: String) {
        self.init(code: error.code, detail: error.detail, correlationId: correlationId, errors: error.problems)
    }
}
