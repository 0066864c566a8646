import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Tables are numbered migrations applied once; functions, triggers and grants are objects
/// applied again whenever their text changes; each layer owns its own.
@Suite(.serialized) struct MigrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func runningMigrationsTwiceInARowSucceedsAndAppliesNothingTheSecondTime() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let migrator = Migrator(pool: pool, schema: CustomerSchema.database)
            #expect(try await migrator.isUpToDate())
            let second = try await migrator.migrate()
            #expect(second.isEmpty)
        }
    }

    @Test(arguments: [("EventStore", EventStoreSchema.layer), ("CustomerService", CustomerSchema.layer)])
    func theBinaryCarriesEverySchemaFileOfItsLayer(target: String, layer: SchemaLayer) throws {
        let folder = Self.root.appending(path: "Sources/\(target)/Schema")
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "tables").path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(layer.tables.map { String(format: "%03d_%@.sql", $0.version, $0.name) } == tables)
        for (migration, file) in zip(layer.tables, tables) {
            #expect(migration.sql == (try String(contentsOf: folder.appending(path: "tables/\(file)"), encoding: .utf8)))
        }
        let objects = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "objects").path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(layer.objects.map(\.name) == objects.map { String($0.dropFirst(3).dropLast(4)) })
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 4))
        defer { Task { await pool.close() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try await Migrator(pool: pool, schema: CustomerSchema.database).migrate() } }
            try await group.waitForAll()
        }
        let counts = try await pool.query("SELECT count(*), count(DISTINCT version) FROM schema_migrations").rows[0]
        #expect(try counts.decode(0, as: Int.self) == counts.decode(1, as: Int.self))
    }

    @Test func aMigrationEditedAfterItWasAppliedIsRefused() async throws {
        try await TestDatabase.withScratchSchema { pool in
            var layer = CustomerSchema.layer
            let first = layer.tables[0]
            layer = SchemaLayer(
                name: layer.name,
                tables: [Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited\n")] + layer.tables.dropFirst(),
                objects: layer.objects, retiredVersions: layer.retiredVersions)
            await #expect(throws: Migrator.Failure.self) {
                try await Migrator(pool: pool, schema: DatabaseSchema(layers: [EventStoreSchema.layer, layer])).migrate()
            }
        }
    }

    /// An object whose text changed is applied again; one whose text did not, not.
    @Test func anObjectIsAppliedAgainWhenItsTextChanges() async throws {
        try await TestDatabase.withScratchSchema { pool in
            let changed = SchemaObject(name: "refuse_restoring_a_destroyed_key", sql: CustomerSchema.layer.objects[0].sql + "\n-- changed\n")
            let layer = SchemaLayer(
                name: "customers", tables: CustomerSchema.layer.tables, objects: [changed] + CustomerSchema.layer.objects.dropFirst(),
                retiredVersions: CustomerSchema.layer.retiredVersions)
            let schema = DatabaseSchema(layers: [EventStoreSchema.layer, layer])
            #expect(try await !Migrator(pool: pool, schema: schema).isUpToDate())
            let applied = try await Migrator(pool: pool, schema: schema).migrate()
            #expect(applied.migrations.isEmpty)
            #expect(applied.objects.map(\.name) == ["refuse_restoring_a_destroyed_key"])
            #expect(try await Migrator(pool: pool, schema: schema).isUpToDate())
        }
    }

    /// A database migrated when functions and grants were numbered migrations (3, 12, 13,
    /// 17–21) is known, not refused, and gets every object.
    @Test func aDatabaseWithTheRetiredMigrationsIsBroughtUpToDate() async throws {
        try await TestDatabase.withScratchSchema { pool in
            try await pool.query("DELETE FROM schema_objects")
            for version in [3, 12, 13, 17, 18, 19, 20, 21] {
                try await pool.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, 'retired', 'x')", [version])
            }
            let applied = try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            #expect(applied.migrations.isEmpty)
            #expect(applied.objects.count == CustomerSchema.database.layers.map(\.objects.count).reduce(0, +))
        }
    }

    @Test func anUnknownAppliedVersionIsRefused() async throws {
        try await TestDatabase.withScratchSchema { pool in
            try await pool.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'future', 'x')")
            await #expect(throws: Migrator.Failure.self) { try await Migrator(pool: pool, schema: CustomerSchema.database).migrate() }
        }
    }
}
