import Postgres

/// Rebuilds or verifies any projector's tables from the whole log, beside the live ones, while
/// writers (and an asynchronous projector's live runner) keep going. One engine for both kinds;
/// they differ only in what "caught up" means:
///
/// - inline rows commit with their events, and commands hold the projector's lock shared while
///   they write them; so with the lock held exclusively (rebuild) or inside one snapshot
///   (verify), every committed event is read, fence or not;
/// - asynchronous rows commit with their checkpoint; so the shadows are brought to exactly a
///   checkpoint position: the fence for a rebuild (which then moves the checkpoint there), the
///   live checkpoint for a verify.
public struct ProjectorRebuild: Sendable {
    public let projector: any Projector
    public let store: EventStore
    public let batchSize: Int

    public init(projector: any Projector, store: EventStore, batchSize: Int = 10_000) {
        self.projector = projector
        self.store = store
        self.batchSize = batchSize
    }

    /// Replays the log into shadow tables, catches up, then swaps them in (and, for an
    /// asynchronous projector, moves its checkpoint) in one short transaction holding the
    /// projector's lock. Returns the number of events replayed.
    @discardableResult
    public func rebuild(progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        try await translatingFailures {
            try await RebuildLock.withLock(projector.name, configuration: store.pool.configuration) {
                try await rebuildHoldingLock(progress: progress)
            }
        }
    }

    /// Replays into shadow tables and compares them with the live ones inside one snapshot,
    /// holding no writer and no runner; the live tables are not touched. Empty result: no row differs.
    public func verify(sampleLimit: Int = 20, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> [TableDifferences] {
        try await translatingFailures {
            try await RebuildLock.withLock(projector.name, configuration: store.pool.configuration) {
                try await verifyHoldingLock(sampleLimit: sampleLimit, progress: progress)
            }
        }
    }

    private var isInline: Bool { projector.kind == .inline }

    private func rebuildHoldingLock(progress: @escaping @Sendable (Int) -> Void) async throws -> Int {
        let replay = projector.replay(into: .shadow(projector.tables))
        var cut = try await replayIntoShadows(replay, upTo: nil, progress: progress)
        return try await store.pool.withTransaction { transaction in
            let connection = transaction.connection
            try await connection.execute(ProjectorLock.exclusiveStatement(projector.name))
            cut = try await catchUp(replay, from: cut, upTo: nil, fenced: !isInline, on: connection, progress: progress)
            try replay.finish()
            try await ShadowTables.swapIn(projector.tables, on: connection)
            if !isInline {
                try await ProjectorCheckpoints.ensure(projector.name, on: connection)
                try await ProjectorCheckpoints.reset(projector.name, to: cut.position, applied: cut.replayed, on: connection)
            }
            return cut.replayed
        }
    }

    private func verifyHoldingLock(sampleLimit: Int, progress: @escaping @Sendable (Int) -> Void) async throws -> [TableDifferences] {
        let replay = projector.replay(into: .shadow(projector.tables))
        let initial: GlobalPosition? = isInline ? nil : try await store.pool.withConnection { connection in
            try await ProjectorCheckpoints.ensure(projector.name, on: connection)
            return try await ProjectorCheckpoints.read(projector.name, on: connection)?.position ?? .start
        }
        var cut = try await replayIntoShadows(replay, upTo: initial, progress: progress)
        // One snapshot for the last catch-up and the comparison: it sees the live rows of exactly
        // the events it sees (inline), or of exactly the checkpoint it sees (asynchronous).
        return try await store.pool.withTransaction(isolation: .repeatableRead) { transaction in
            let connection = transaction.connection
            let limit: GlobalPosition? = isInline
                ? nil : try await ProjectorCheckpoints.read(projector.name, on: connection)?.position ?? .start
            cut = try await catchUp(replay, from: cut, upTo: limit, fenced: !isInline, on: connection, progress: progress)
            try replay.finish()
            var differences: [TableDifferences] = []
            for table in projector.tables {
                let difference = try await ShadowTables.differences(of: table, limit: sampleLimit, on: connection)
                if !difference.isEmpty { differences.append(difference) }
            }
            try await ShadowTables.drop(projector.tables, on: connection)
            return differences
        }
    }

    /// How far a replay has read: the last event applied, and how many in all.
    private struct Cut {
        var position: GlobalPosition
        var replayed: Int
    }

    private func replayIntoShadows(
        _ replay: any ProjectorReplay, upTo limit: GlobalPosition?, progress: @escaping @Sendable (Int) -> Void
    ) async throws -> Cut {
        try await store.pool.withConnection { connection in
            try await ShadowTables.create(projector.tables, on: connection)
            return try await catchUp(
                replay, from: Cut(position: .start, replayed: 0), upTo: limit, fenced: true, on: connection, progress: progress)
        }
    }

    /// Applies every event after `cut` (and not after `limit`) to the shadows, in fence order;
    /// `fenced: false` reads every committed event, for when no writer of the projector can be
    /// in flight. Then writes what the replay kept back.
    private func catchUp(
        _ replay: any ProjectorReplay, from start: Cut, upTo limit: GlobalPosition?, fenced: Bool,
        on connection: Connection, progress: @Sendable (Int) -> Void
    ) async throws -> Cut {
        var cut = start
        let reader = ConnectionReader(connection: connection)
        while limit.map({ cut.position < $0 }) ?? true {
            var events = try await EventStore.readAll(
                on: connection, after: cut.position, limit: batchSize, bodies: projector.readsEventBodies, fenced: fenced)
            if let limit { events = events.filter { $0.position <= limit } }
            guard let last = events.last else { break }
            try await run(try await replay.statements(for: events, reader: reader), on: connection)
            cut.position = last.position
            cut.replayed += events.count
            progress(cut.replayed)
        }
        try await run(try await replay.flush(reader: reader), on: connection)
        return cut
    }

    private func run(_ statements: [SQL], on connection: Connection) async throws {
        guard !statements.isEmpty else { return }
        _ = try await connection.pipeline(statements.map(\.statement))
    }
}
