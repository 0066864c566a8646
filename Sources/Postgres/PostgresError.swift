/// Every failure of the Postgres layer. Callers branch on `kind` and, for server errors, on
/// `sqlState`; the message keeps PostgreSQL's own words so logs carry full context.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The server reported an error for a statement (see `sqlState`).
        case server
        /// The connection broke while in use; the statement's outcome is unknown.
        case connectionLost
        /// No connection could be opened.
        case connectionFailed
        /// A value in a result could not be decoded into the requested Swift type.
        case decoding
        /// No pooled connection became free within the pool's acquire timeout.
        case poolTimeout
        /// The pool has been shut down.
        case poolClosed
        /// libpq refused an operation (for example sending a query) for a local reason.
        case client
    }

    public let kind: Kind
    public let sqlState: SQLState?
    public let message: String
    public let detail: String?
    public let hint: String?
    public let constraint: String?
    /// In a pipeline, the index of the statement that failed (nil when the batch failed as a
    /// whole, e.g. at its commit).
    public internal(set) var statementIndex: Int?

    public init(
        kind: Kind, sqlState: SQLState? = nil, message: String,
        detail: String? = nil, hint: String? = nil, constraint: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
    }

    public var isUniqueViolation: Bool { sqlState == .uniqueViolation }
    public var isSerializationFailure: Bool { sqlState == .serializationFailure || sqlState == .deadlockDetected }
    public var isConnectionLost: Bool { kind == .connectionLost }

    /// True when trying the same thing again later can succeed: the connection or the pool
    /// failed, or the server refused for a passing reason (a statement or lock timeout, a
    /// deadlock or serialization failure, exhausted resources, a connection problem). False for
    /// what the same statement would meet again: a constraint, a type, a missing object.
    public var isTransient: Bool {
        switch kind {
        case .connectionLost, .connectionFailed, .poolTimeout:
            return true
        case .server:
            guard let sqlState else { return false }
            return [.serializationFailure, .deadlockDetected, .queryCanceled, .lockNotAvailable].contains(sqlState)
                || sqlState.errorClass == "53" || sqlState.errorClass == "08"
        case .decoding, .poolClosed, .client:
            return false
        }
    }

    public var description: String {
        var text = "PostgreSQL \(kind)"
        if let sqlState { text += " [\(sqlState.code)]" }
        text += ": \(message)"
        if let detail { text += " (detail: \(detail))" }
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}
