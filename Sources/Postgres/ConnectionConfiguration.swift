/// How to reach the server and how each session is set up.
public struct ConnectionConfiguration: Sendable {
    /// A libpq connection string (`host=… dbname=…`) or URI (`postgresql://…`), as in `DATABASE_URL`.
    public var connectionString: String
    public var sessionSettings: SessionSettings

    public init(connectionString: String, sessionSettings: SessionSettings = SessionSettings()) {
        self.connectionString = connectionString
        self.sessionSettings = sessionSettings
    }
}

/// Settings applied to every new session, before it is used.
public struct SessionSettings: Sendable {
    /// Ends a session that sits idle inside an open transaction: such a transaction would hold
    /// the event log's xid fence back and stall every tailing reader.
    public var idleInTransactionTimeoutMilliseconds: Int
    /// 0 means no limit.
    public var statementTimeoutMilliseconds: Int
    /// How long a statement may wait for a lock (a row, a table, an advisory lock); 0 means no
    /// limit.
    public var lockTimeoutMilliseconds: Int
    public var applicationName: String
    /// The only schema for unqualified names, e.g. a benchmark's scratch schema (alone, so that
    /// no name of it can resolve to a table of another schema); nil keeps the server's.
    public var searchPath: String?
    /// A role every statement of the session runs as (`SET ROLE`), e.g. the service's
    /// least-privilege role when the login role may do more; nil keeps the login role.
    public var role: String?

    public init(
        idleInTransactionTimeoutMilliseconds: Int = 60_000,
        statementTimeoutMilliseconds: Int = 0,
        lockTimeoutMilliseconds: Int = 0,
        applicationName: String = "customers",
        searchPath: String? = nil,
        role: String? = nil
    ) {
        self.idleInTransactionTimeoutMilliseconds = idleInTransactionTimeoutMilliseconds
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
        self.applicationName = applicationName
        self.searchPath = searchPath
        self.role = role
    }

    /// Decoding relies on ISO dates in UTC; the values here are numbers and a fixed-alphabet name.
    var sql: String {
        let name = applicationName.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return """
        SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'; SET IntervalStyle TO 'iso_8601';
        SET idle_in_transaction_session_timeout TO \(max(0, idleInTransactionTimeoutMilliseconds));
        SET statement_timeout TO \(max(0, statementTimeoutMilliseconds));
        SET lock_timeout TO \(max(0, lockTimeoutMilliseconds));
        SET application_name TO '\(name)';
        """ + (searchPath.map { "SET search_path TO \(quoteIdentifier($0));" } ?? "")
            + (role.map { "SET ROLE \(quoteIdentifier($0));" } ?? "")
    }
}
