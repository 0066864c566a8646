import CLibPQ
import Foundation

/// A libpq connection used only from its own worker thread (see `Connection`), so nothing here
/// is synchronised. Every method blocks.
final class RawConnection {
    private var handle: OpaquePointer?
    private let configuration: ConnectionConfiguration
    /// Names of the statements prepared on this session, by SQL text.
    private var preparedNames: [String: String] = [:]
    /// Set by the notice receiver when the server announced, between statements, that it is
    /// ending this session (pg_terminate_backend, shutdown, idle timeout).
    fileprivate var serverEndedSession = false

    init(configuration: ConnectionConfiguration) throws {
        self.configuration = configuration
        try open()
    }

    deinit { close() }

    var isOpen: Bool { handle != nil }

    var isHealthy: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The server process id, for `pg_terminate_backend` and diagnostics.
    var backendPID: Int32 { handle.map { PQbackendPID($0) } ?? 0 }

    var socket: Int32 { handle.map { PQsocket($0) } ?? -1 }

    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        preparedNames.removeAll()
    }

    private func open() throws {
        close()
        let connection = PQconnectdb(configuration.connectionString)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.errorText($0) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw PostgresError(kind: .connectionFailed, message: message)
        }
        // The default receiver prints to stderr. Ours only listens for the FATAL error the
        // server sends to an idle session it is ending (libpq reports it as a notice then).
        serverEndedSession = false
        PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result,
                  let severity = PQresultErrorField(result, CLIBPQ_DIAG_SEVERITY_NONLOCALIZED),
                  ["FATAL", "PANIC"].contains(String(cString: severity))
            else { return }
            Unmanaged<RawConnection>.fromOpaque(context).takeUnretainedValue().serverEndedSession = true
        }, Unmanaged.passUnretained(self).toOpaque())
        handle = connection
        try executeScript(configuration.sessionSettings.sql)
    }

    /// Replaces a session the server has closed before anything is sent on it.
    ///
    /// A backend ended by `pg_terminate_backend`, a restart or an idle timeout leaves an error
    /// and an end-of-file waiting on the socket. Reading them first turns what would be a failed
    /// statement (whose effect the caller could not know) into a clean reconnect.
    func reviveIfClosedByServer() throws {
        guard let handle else { return try open() }
        var attempts = 0
        while PQstatus(handle) == CONNECTION_OK, attempts < 4, Self.isReadable(PQsocket(handle)) {
            if PQconsumeInput(handle) == 0 { break }
            // PQconsumeInput only buffers bytes; PQisBusy parses them, handing an error the
            // server sent to this idle session to the notice receiver.
            _ = PQisBusy(handle)
            attempts += 1
        }
        // The FATAL message can arrive before the end of the stream does: it alone is enough.
        if PQstatus(handle) != CONNECTION_OK || serverEndedSession { try open() }
    }

    private static func isReadable(_ socket: Int32) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    // MARK: Statements

    /// Runs one parameterised statement, preparing it once per session.
    func query(_ sql: String, _ parameters: [PostgresParameter]) throws -> QueryResult {
        let handle = try liveHandle()
        let name = try preparedName(for: sql, handle: handle)
        let result = withParameterPointers(parameters) { values, lengths, formats in
            PQexecPrepared(handle, name, Int32(parameters.count), values, lengths, formats, 0)
        }
        return try consume(result, handle: handle)
    }

    /// Runs SQL text with no parameters through the simple protocol; it may hold several
    /// statements (migrations, session settings). Returns the last statement's command tag
    /// (`COMMIT`, or `ROLLBACK` when a COMMIT found the transaction already failed).
    @discardableResult
    func executeScript(_ sql: String) throws -> String {
        let handle = try liveHandle()
        let result = PQexec(handle, sql)
        let tag = result.flatMap { PQcmdStatus($0) }.map { String(cString: $0) } ?? ""
        _ = try consume(result, handle: handle)
        return tag
    }

    func preparedName(for sql: String, handle: OpaquePointer) throws -> String {
        if let name = preparedNames[sql] { return name }
        if preparedNames.count >= 512 {
            // Bounded: a session that saw many distinct statements starts its cache afresh.
            _ = try consume(PQexec(handle, "DEALLOCATE ALL"), handle: handle)
            preparedNames.removeAll()
        }
        let name = "s\(preparedNames.count + 1)"
        _ = try consume(PQprepare(handle, name, sql, 0, nil), handle: handle)
        preparedNames[sql] = name
        return name
    }

    func liveHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "connection is closed") }
        return handle
    }

    // MARK: Notifications

    /// Waits up to `timeout` seconds for notifications and returns those that arrived.
    func awaitNotifications(timeout: Double) throws -> [PostgresNotification] {
        let handle = try liveHandle()
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        if ready > 0, PQconsumeInput(handle) == 0 {
            throw PostgresError(kind: .connectionLost, message: Self.errorText(handle))
        }
        if PQstatus(handle) != CONNECTION_OK {
            throw PostgresError(kind: .connectionLost, message: Self.errorText(handle))
        }
        var notifications: [PostgresNotification] = []
        while let notify = PQnotifies(handle) {
            let pointee = notify.pointee
            notifications.append(PostgresNotification(
                channel: String(cString: pointee.relname),
                payload: String(cString: pointee.extra),
                backendPID: pointee.be_pid))
            PQfreemem(notify)
        }
        return notifications
    }

    // MARK: Results and errors

    func consume(_ result: OpaquePointer?, handle: OpaquePointer) throws -> QueryResult {
        guard let result else { throw connectionOrClientError(handle, "no result") }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            return Self.copyRows(result)
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return QueryResult(columns: [], rows: [], affectedRows: Self.affectedRows(result))
        default:
            throw error(from: result, handle: handle)
        }
    }

    private static func affectedRows(_ result: OpaquePointer) -> Int {
        guard let text = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    private static func copyRows(_ result: OpaquePointer) -> QueryResult {
        let rowCount = Int(PQntuples(result))
        let columns = columns(of: result)
        let lookup = ColumnLookup(columns)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            rows.append(PostgresRow(values: values(of: result, row: row), columns: lookup))
        }
        return QueryResult(columns: columns, rows: rows, affectedRows: affectedRows(result))
    }

    static func columns(of result: OpaquePointer) -> [QueryResult.Column] {
        (0..<PQnfields(result)).map { index in
            QueryResult.Column(name: String(cString: PQfname(result, index)), typeOID: PQftype(result, index))
        }
    }

    static func values(of result: OpaquePointer, row: Int32) -> [String?] {
        let columnCount = PQnfields(result)
        var values: [String?] = []
        values.reserveCapacity(Int(columnCount))
        for column in 0..<columnCount {
            if PQgetisnull(result, row, column) == 1 {
                values.append(nil)
            } else {
                let length = Int(PQgetlength(result, row, column))
                let pointer = UnsafeRawPointer(PQgetvalue(result, row, column)!)
                values.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
            }
        }
        return values
    }

    func error(from result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        guard let sqlState = field(CLIBPQ_DIAG_SQLSTATE) else {
            // No SQLSTATE: libpq itself failed, almost always because the socket broke.
            return connectionOrClientError(handle, PQresultErrorMessage(result).map { String(cString: $0) } ?? "unknown error")
        }
        let state = SQLState(sqlState)
        // The server ending this session (shutdown, terminate, idle timeout) loses the connection,
        // even when the socket does not look closed yet as the error is read.
        let severity = field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED)
        let sessionEnded = state.errorClass == "08" || state.errorClass == "57" && state != .queryCanceled
            || state == .idleInTransactionTimeout || severity == "FATAL" || severity == "PANIC"
        return PostgresError(
            kind: sessionEnded ? .connectionLost : .server,
            sqlState: state,
            message: field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? "error",
            detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT),
            constraint: field(CLIBPQ_DIAG_CONSTRAINT_NAME))
    }

    func connectionOrClientError(_ handle: OpaquePointer, _ fallback: String) -> PostgresError {
        let text = Self.errorText(handle)
        let message = text.isEmpty ? fallback : text
        if PQstatus(handle) != CONNECTION_OK {
            return PostgresError(kind: .connectionLost, message: message)
        }
        return PostgresError(kind: .client, message: message)
    }

    func clientError(_ handle: OpaquePointer, _ message: String) -> PostgresError {
        PostgresError(kind: .client, message: "\(message): \(Self.errorText(handle))")
    }

    static func errorText(_ handle: OpaquePointer) -> String {
        guard let text = PQerrorMessage(handle) else { return "" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
