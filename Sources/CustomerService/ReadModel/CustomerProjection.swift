import CustomerDomain
import EventStore
import Foundation
import Postgres

/// Rebuild and verify of the inline customer read models, while the API keeps serving.
public struct CustomerProjection: Sendable {
    public let store: EventStore
    public let vault: PersonalDataVault
    public let name = "customers"
    public var tables: [String] { CustomerReadModel.tables }
    /// Customers written per bulk statement set.
    let writeBatch = 1_000

    public init(store: EventStore, vault: PersonalDataVault) {
        self.store = store
        self.vault = vault
    }

    /// Folds the whole log into shadow tables, catches up, then swaps them in. Writers are held
    /// only for the swap: commands take the projection lock shared, the swap takes it exclusively.
    @discardableResult
    public func rebuild(progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        try await RebuildLock.withLock(name, configuration: store.pool.configuration) {
            try await rebuildHoldingLock(progress: progress)
        }
    }

    private func rebuildHoldingLock(progress: @escaping @Sendable (Int) -> Void) async throws -> Int {
        let folds = try await foldIntoShadows(progress: progress)
        return try await store.pool.withTransaction { transaction in
            try await finalCatchUp(folds, in: transaction)
            try await ShadowTables.swapIn(tables, on: transaction.connection)
            return folds.eventsFolded
        }
    }

    /// Rebuilds into shadow tables and compares them with the live ones, without holding
    /// writers at all. Empty result: no row differs.
    public func verify(sampleLimit: Int = 20, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> [TableDifferences] {
        try await RebuildLock.withLock(name, configuration: store.pool.configuration) {
            try await verifyHoldingLock(sampleLimit: sampleLimit, progress: progress)
        }
    }

    private func verifyHoldingLock(sampleLimit: Int, progress: @escaping @Sendable (Int) -> Void) async throws -> [TableDifferences] {
        let folds = try await foldIntoShadows(progress: progress)
        // One snapshot for the last catch-up and the comparison: every command commits its
        // events and its read-model rows together, so the snapshot sees the live rows of exactly
        // the events it sees, and the shadows folded from those events must equal them.
        return try await store.pool.withTransaction(isolation: .repeatableRead) { transaction in
            let changed = try await folds.catchUp(on: transaction.connection)
            try await write(folds.snapshots(of: changed), on: transaction.connection)
            var differences: [TableDifferences] = []
            for table in tables {
                let difference = try await ShadowTables.differences(of: table, limit: sampleLimit, on: transaction.connection)
                if !difference.isEmpty { differences.append(difference) }
            }
            try await ShadowTables.drop(tables, on: transaction.connection)
            return differences
        }
    }

    private func foldIntoShadows(progress: @escaping @Sendable (Int) -> Void) async throws -> CustomerFolds {
        let folds = CustomerFolds(vault: vault)
        try await store.pool.withConnection { connection in
            try await ShadowTables.create(tables, on: connection)
            try await folds.foldAll(on: connection, progress: progress)
            try await write(folds.snapshots(), on: connection)
            // Catch up outside the lock first, so the locked step has little left to do.
            for _ in 0..<3 {
                let changed = try await folds.catchUp(on: connection)
                try await write(folds.snapshots(of: changed), on: connection)
                if changed.count < 50 { break }
            }
        }
        return folds
    }

    /// With writers held off, nothing can commit to a customer stream: the versions in
    /// `streams` are final, and folding what they add makes the shadows exact.
    private func finalCatchUp(_ folds: CustomerFolds, in transaction: Transaction) async throws {
        try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/' || $1))", [CustomerReadModel.lockName])
        let changed = try await folds.catchUp(on: transaction.connection)
        try await write(folds.snapshots(of: changed), on: transaction.connection)
    }

    private func write(_ snapshots: [CustomerReadModel.Snapshot], on connection: Connection) async throws {
        let batches = stride(from: 0, to: snapshots.count, by: writeBatch).map {
            Array(snapshots[$0..<min($0 + writeBatch, snapshots.count)])
        }
        // Rendering the rows (JSON views) is pure and per customer: use every core for it.
        let shadows = TableNames.shadow(tables)
        let statements = try ParallelMap.map(batches) { try CustomerReadModel.statements(for: $0, tables: shadows) }
        for batch in statements {
            _ = try await connection.pipeline(batch)
        }
    }
}
