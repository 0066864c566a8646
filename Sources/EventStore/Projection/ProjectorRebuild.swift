import Postgres

/// Rebuilds or verifies an asynchronous projector's tables from the whole log, beside the
/// live ones, while writers and the live runner keep going.
public struct ProjectorRebuild: Sendable {
    public let projector: any Projector
    public let store: EventStore
    public let batchSize: Int

    public init(projector: any Projector, store: EventStore, batchSize: Int = 10_000) {
        self.projector = projector
        self.store = store
        self.batchSize = batchSize
    }

    /// Replays the log into shadow tables, catches up, then swaps them in and moves the
    /// checkpoint in one short transaction that holds the projector's runner lock. Returns
    /// the number of events replayed.
    @discardableResult
    public func rebuild(progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        try await RebuildLock.withLock(projector.name, configuration: store.pool.configuration) {
            try await rebuildHoldingLock(progress: progress)
        }
    }

    private func rebuildHoldingLock(progress: @escaping @Sendable (Int) -> Void) async throws -> Int {
        let projector = self.projector
        var (position, replayed) = try await replayIntoShadows(upTo: nil, progress: progress)
        return try await store.pool.withTransaction { transaction in
            let connection = transaction.connection
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/' || $1))", ["projector:" + projector.name])
            (position, replayed) = try await catchUp(from: position, upTo: nil, replayed: replayed, on: connection, progress: progress)
            try await ShadowTables.swapIn(projector.tables, on: connection)
            try await ProjectorCheckpoints.ensure(projector.name, on: connection)
            try await connection.query(
                """
                UPDATE projector_checkpoints
                SET transaction_id = $2::xid8, global_position = $3, events_applied = $4, updated_at = now(),
                    failure = NULL, failed_transaction_id = NULL, failed_global_position = NULL, failed_at = NULL
                WHERE projector = $1
                """, [projector.name, String(position.transactionId), position.position, replayed])
            return replayed
        }
    }

    /// Rebuilds into shadow tables up to exactly the live checkpoint and compares them with the
    /// live tables, holding neither writers nor the live runner; the live tables are not
    /// touched. Empty result: no row differs.
    public func verify(sampleLimit: Int = 20, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> [TableDifferences] {
        try await RebuildLock.withLock(projector.name, configuration: store.pool.configuration) {
            try await verifyHoldingLock(sampleLimit: sampleLimit, progress: progress)
        }
    }

    private func verifyHoldingLock(sampleLimit: Int, progress: @escaping @Sendable (Int) -> Void) async throws -> [TableDifferences] {
        let projector = self.projector
        let initial = try await store.pool.withConnection { connection in
            try await ProjectorCheckpoints.ensure(projector.name, on: connection)
            return try await ProjectorCheckpoints.read(projector.name, on: connection)?.position ?? .start
        }
        var (position, replayed) = try await replayIntoShadows(upTo: initial, progress: progress)
        // One snapshot for the checkpoint, the last catch-up and the comparison: a runner commits
        // its rows with its checkpoint, so the snapshot sees the rows of exactly the events up to
        // the checkpoint it sees.
        return try await store.pool.withTransaction(isolation: .repeatableRead) { transaction in
            let connection = transaction.connection
            let live = try await ProjectorCheckpoints.read(projector.name, on: connection)?.position ?? .start
            (position, replayed) = try await catchUp(from: position, upTo: live, replayed: replayed, on: connection, progress: progress)
            var differences: [TableDifferences] = []
            for table in projector.tables {
                let difference = try await ShadowTables.differences(of: table, limit: sampleLimit, on: connection)
                if !difference.isEmpty { differences.append(difference) }
            }
            try await ShadowTables.drop(projector.tables, on: connection)
            return differences
        }
    }

    private func replayIntoShadows(
        upTo limit: GlobalPosition?, progress: @escaping @Sendable (Int) -> Void
    ) async throws -> (GlobalPosition, Int) {
        try await store.pool.withConnection { connection in
            try await ShadowTables.create(projector.tables, on: connection)
            return try await catchUp(from: .start, upTo: limit, replayed: 0, on: connection, progress: progress)
        }
    }

    /// Applies every event after `position` (and not after `limit`) to the shadows.
    private func catchUp(
        from start: GlobalPosition, upTo limit: GlobalPosition?, replayed: Int,
        on connection: Connection, progress: @Sendable (Int) -> Void
    ) async throws -> (GlobalPosition, Int) {
        var position = start
        var replayed = replayed
        let shadows = TableNames.shadow(projector.tables)
        while true {
            if let limit, position >= limit { break }
            var events = try await EventStore.readAll(on: connection, after: position, limit: batchSize, bodies: projector.readsEventBodies)
            if let limit { events = events.filter { $0.position <= limit } }
            guard let last = events.last else { break }
            _ = try await connection.pipeline(try projector.statements(for: events, tables: shadows))
            position = last.position
            replayed += events.count
            progress(replayed)
        }
        return (position, replayed)
    }
}
