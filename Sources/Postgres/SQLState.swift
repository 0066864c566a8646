/// A five-character SQLSTATE code as PostgreSQL reports it.
public struct SQLState: Sendable, Hashable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) { self.code = code }

    public var description: String { code }

    /// The two-character class, e.g. `08` for connection exceptions.
    public var errorClass: Substring { code.prefix(2) }

    public static let uniqueViolation = SQLState("23505")
    public static let foreignKeyViolation = SQLState("23503")
    public static let checkViolation = SQLState("23514")
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    public static let queryCanceled = SQLState("57014")
    public static let adminShutdown = SQLState("57P01")
    public static let lockNotAvailable = SQLState("55P03")
    public static let undefinedTable = SQLState("42P01")
    public static let idleInTransactionTimeout = SQLState("25P03")
    public static let raiseException = SQLState("P0001")
}
