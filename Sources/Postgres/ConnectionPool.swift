import Foundation

/// A bounded set of sessions shared by many tasks. A task borrows a connection for one closure;
/// when none is free and the bound is reached it waits, up to `acquireTimeout`.
public final class ConnectionPool: Sendable {
    public struct Options: Sendable {
        public var maximumConnections: Int
        public var acquireTimeout: Duration

        public init(maximumConnections: Int = 16, acquireTimeout: Duration = .seconds(10)) {
            self.maximumConnections = max(1, maximumConnections)
            self.acquireTimeout = acquireTimeout
        }
    }

    public let configuration: ConnectionConfiguration
    public let options: Options
    private let state: PoolState

    public init(configuration: ConnectionConfiguration, options: Options = Options()) {
        self.configuration = configuration
        self.options = options
        self.state = PoolState(maximum: options.maximumConnections)
    }

    /// Connections borrowed right now, and tasks waiting for one.
    public func usage() async -> (inUse: Int, waiting: Int, open: Int) {
        await state.usage()
    }

    /// Lends a connection to `body`; the connection returns to the pool afterwards (or is
    /// replaced if its session broke).
    public func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }

    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> QueryResult {
        let statement = Statement(sql, parameters)
        return try await withConnection { try await $0.execute(statement) }
    }

    /// Runs `body` inside `BEGIN … COMMIT` on one connection; any error rolls back.
    public func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        _ body: (Transaction) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await Transaction.run(on: connection, isolation: isolation, body)
        }
    }

    /// Closes idle connections and refuses new borrowers; borrowed ones close on return.
    public func close() async {
        for connection in await state.shutDown() { await connection.close() }
    }

    private func acquire() async throws -> Connection {
        switch try await state.reserve(timeout: options.acquireTimeout) {
        case .idle(let connection):
            connection.checkAliveBeforeNextStatement()
            return connection
        case .open:
            do {
                return try await Connection.connect(configuration, name: "postgres-pool")
            } catch {
                await state.discard()
                throw error
            }
        }
    }

    private func release(_ connection: Connection) async {
        if connection.isBroken {
            await connection.close()
            await state.discard()
        } else if let rejected = await state.giveBack(connection) {
            await rejected.close()
        }
    }
}

/// The pool's bookkeeping, serialised by the actor; no I/O happens inside it.
actor PoolState {
    enum Reservation {
        case idle(Connection)
        /// A slot is reserved: the caller opens a new connection for it.
        case open
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Reservation, any Error>
        let timer: Task<Void, Never>

        func resume(with result: Result<Reservation, any Error>) {
            timer.cancel()
            continuation.resume(with: result)
        }
    }

    private let maximum: Int
    private var idle: [Connection] = []
    private var slots = 0
    private var inUse = 0
    private var closed = false
    private var waiters: [Waiter] = []
    private var nextWaiterID: UInt64 = 0

    init(maximum: Int) { self.maximum = maximum }

    func usage() -> (inUse: Int, waiting: Int, open: Int) { (inUse, waiters.count, slots) }

    func reserve(timeout: Duration) async throws -> Reservation {
        guard !closed else { throw PostgresError(kind: .poolClosed, message: "the connection pool is closed") }
        if let connection = idle.popLast() {
            inUse += 1
            return .idle(connection)
        }
        if slots < maximum {
            slots += 1
            inUse += 1
            return .open
        }
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let timer = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    await self?.expire(id, reason: "no connection became free within \(timeout)", kind: .poolTimeout)
                }
                waiters.append(Waiter(id: id, continuation: continuation, timer: timer))
            }
        } onCancel: {
            Task { await self.expire(id, reason: "cancelled while waiting for a connection", kind: .client) }
        }
    }

    private func expire(_ id: UInt64, reason: String, kind: PostgresError.Kind) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.resume(with: .failure(PostgresError(kind: kind, message: reason)))
    }

    /// Returns a healthy connection; hands it straight to a waiter when there is one.
    /// Returns the connection back to the caller to close if the pool is closed.
    func giveBack(_ connection: Connection) -> Connection? {
        if closed {
            inUse -= 1
            slots -= 1
            return connection
        }
        if !waiters.isEmpty {
            waiters.removeFirst().resume(with: .success(.idle(connection)))
            return nil
        }
        inUse -= 1
        idle.append(connection)
        return nil
    }

    /// Forgets a connection that broke or never opened; a waiter may open a fresh one instead.
    func discard() {
        if !waiters.isEmpty && !closed {
            waiters.removeFirst().resume(with: .success(.open))
            return
        }
        inUse -= 1
        slots -= 1
    }

    func shutDown() -> [Connection] {
        closed = true
        for waiter in waiters {
            waiter.resume(with: .failure(PostgresError(kind: .poolClosed, message: "the connection pool is closed")))
        }
        waiters.removeAll()
        let connections = idle
        slots -= idle.count
        idle.removeAll()
        return connections
    }
}
