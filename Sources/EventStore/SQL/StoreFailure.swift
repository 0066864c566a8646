import Postgres

/// A failure of the database below the store, in words the layers above can act on without
/// knowing PostgreSQL: whether trying again later can succeed, whether a value could not be
/// stored, and a description fit for a log.
public struct StoreFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Trying the same thing later can succeed (a timeout, a deadlock, a lost connection, an
    /// exhausted pool); nothing was written.
    public let isTransient: Bool
    /// A value the database cannot hold (a data exception, SQLSTATE class 22).
    public let isInvalidValue: Bool
    /// The SQLSTATE, when the server refused.
    public let sqlState: String?
    /// The SQLSTATE and constraint of a server error (its message can quote the values of the
    /// statement, personal data among them, and is left out); a client-side failure whole.
    public let description: String

    init(_ error: PostgresError) {
        isTransient = error.isTransient || (error.kind != .server && error.kind != .decoding)
        isInvalidValue = error.sqlState?.errorClass == "22"
        sqlState = error.sqlState?.code
        if error.kind == .server {
            var text = "PostgreSQL server error [\(error.sqlState?.code ?? "?????")]"
            if let constraint = error.constraint { text += " on constraint \(constraint)" }
            description = text
        } else {
            description = String(describing: error)
        }
    }
}

/// Runs `body`, turning PostgreSQL's errors into `EventStoreError.failure`: no caller of the
/// store's public API meets a `PostgresError`.
func translatingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PostgresError {
        throw EventStoreError.failure(StoreFailure(error))
    }
}
