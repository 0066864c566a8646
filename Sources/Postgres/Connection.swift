import Foundation

/// One PostgreSQL session with its own worker thread. Statements on one connection run one at a
/// time, in order; use a `ConnectionPool` to run them concurrently.
public final class Connection: @unchecked Sendable {
    // `raw` is touched only by jobs on `worker`, which run one at a time.
    private let raw: RawConnection
    private let worker: WorkerThread
    private let brokenFlag = LockedValue(false)
    /// Set when the pool lends this connection: the first statement after that first checks
    /// whether the server closed the idle session (never later, inside a transaction, where a
    /// silent reconnect would drop the transaction).
    private let checkoutCheckPending = LockedValue(false)

    private init(raw: RawConnection, worker: WorkerThread) {
        self.raw = raw
        self.worker = worker
    }

    /// Opens a session; the blocking connect runs on the new connection's own thread.
    public static func connect(_ configuration: ConnectionConfiguration, name: String = "postgres") async throws -> Connection {
        let worker = WorkerThread(name: name)
        do {
            let raw = try await worker.run { UncheckedBox(try RawConnection(configuration: configuration)) }
            return Connection(raw: raw.value, worker: worker)
        } catch {
            worker.stop()
            throw error
        }
    }

    /// True once a statement failed because the session broke; the pool then replaces it.
    public var isBroken: Bool { brokenFlag.value }

    public func backendPID() async throws -> Int32 {
        try await onWorker { raw in raw.backendPID }
    }

    /// Runs one parameterised statement.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> QueryResult {
        let statement = Statement(sql, parameters)
        return try await execute(statement)
    }

    @discardableResult
    public func execute(_ statement: Statement) async throws -> QueryResult {
        try await onWorker { raw in try raw.query(statement.sql, statement.parameters) }
    }

    /// Runs SQL text without parameters, possibly several statements (for migrations and DDL).
    /// Returns the last statement's command tag.
    @discardableResult
    public func executeScript(_ sql: String) async throws -> String {
        try await onWorker { raw in try raw.executeScript(sql) }
    }

    /// Runs one statement and hands its rows to `consume` in chunks as they arrive (libpq
    /// single-row mode): a result of any size in bounded memory. `consume` runs on this
    /// connection's own thread, one chunk at a time; throwing from it stops the read.
    public func stream(
        _ statement: Statement, chunkSize: Int = 1_000,
        consume: @escaping @Sendable ([PostgresRow]) throws -> Void
    ) async throws {
        try await onWorker { raw in
            try raw.stream(statement.sql, statement.parameters, chunkSize: max(1, chunkSize), consume: consume)
        }
    }

    /// Sends all statements before reading any result (libpq pipeline mode): one round trip.
    /// Outside an explicit transaction they commit or fail together.
    public func pipeline(_ statements: [Statement]) async throws -> [QueryResult] {
        try await onWorker { raw in try raw.pipeline(statements) }
    }

    /// Waits up to `timeout` seconds for notifications on channels this session listens to.
    func awaitNotifications(timeout: Double) async throws -> [PostgresNotification] {
        try await onWorker { raw in try raw.awaitNotifications(timeout: timeout) }
    }

    /// Called by the pool on checkout: before the next statement, reconnect if the server
    /// closed this idle session, so that statement is never sent into a dead socket. Done in
    /// the statement's own job to save a thread hand-off per checkout.
    func checkAliveBeforeNextStatement() {
        checkoutCheckPending.set(true)
        brokenFlag.set(false)
    }

    public func close() async {
        let raw = UncheckedBox(self.raw)
        _ = try? await worker.run { raw.value.close() }
        worker.stop()
    }

    private func onWorker<T: Sendable>(_ body: @escaping @Sendable (RawConnection) throws -> T) async throws -> T {
        let raw = UncheckedBox(self.raw)
        let checkFirst = checkoutCheckPending.update { pending in
            defer { pending = false }
            return pending
        }
        do {
            return try await worker.run {
                if checkFirst { try raw.value.reviveIfClosedByServer() }
                return try body(raw.value)
            }
        } catch let error as PostgresError where error.kind == .connectionLost {
            brokenFlag.set(true)
            throw error
        }
    }
}

/// Carries a non-Sendable value to the one thread allowed to use it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A value behind a lock, for small flags and counters shared across threads.
final class LockedValue<T: Sendable>: @unchecked Sendable {
    private var current: T
    private let lock = NSLock()

    init(_ value: T) { current = value }

    var value: T { lock.withLock { current } }

    func set(_ value: T) { lock.withLock { current = value } }

    func update<R>(_ body: (inout T) -> R) -> R { lock.withLock { body(&current) } }
}
