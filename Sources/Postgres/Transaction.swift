/// The isolation levels PostgreSQL offers.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

/// Statements inside one open `BEGIN … COMMIT` on one connection.
public struct Transaction: Sendable {
    public let connection: Connection

    /// Wraps a connection on which the caller has already run `BEGIN` and will end the
    /// transaction itself; `ConnectionPool.withTransaction` does both for you.
    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> QueryResult {
        try await connection.query(sql, parameters)
    }

    @discardableResult
    public func execute(_ statement: Statement) async throws -> QueryResult {
        try await connection.execute(statement)
    }

    /// Several statements in one round trip, inside this transaction.
    public func pipeline(_ statements: [Statement]) async throws -> [QueryResult] {
        try await connection.pipeline(statements)
    }

    static func run<T: Sendable>(
        on connection: Connection,
        isolation: IsolationLevel,
        _ body: (Transaction) async throws -> T
    ) async throws -> T {
        try await connection.executeScript("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
        let value: T
        do {
            value = try await body(Transaction(connection: connection))
        } catch {
            // A broken session has no transaction left to roll back.
            if !connection.isBroken { _ = try? await connection.executeScript("ROLLBACK") }
            throw error
        }
        // COMMIT of a transaction that already failed answers ROLLBACK instead of an error.
        let tag = try await connection.executeScript("COMMIT")
        guard tag == "COMMIT" else {
            throw PostgresError(kind: .server, message: "the transaction was rolled back at COMMIT (\(tag))")
        }
        return value
    }
}
