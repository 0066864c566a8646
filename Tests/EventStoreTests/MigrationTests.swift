import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite(.serialized) struct MigrationTests {
    @Test func runningMigrationsTwiceInARowSucceedsAndAppliesNothingTheSecondTime() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let migrator = Migrator(pool: pool)
        try await migrator.migrate()
        let second = try await migrator.migrate()
        #expect(second.isEmpty)
        #expect(try await migrator.appliedVersions() == Migration.embedded.map(\.version))
    }

    @Test func theBinaryCarriesEverySchemaFile() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migration.embedded.map { String(format: "%03d_%@.sql", $0.version, $0.name) } == files)
        for (migration, file) in zip(Migration.embedded, files) {
            let text = try String(contentsOf: schema.appending(path: file), encoding: .utf8)
            #expect(migration.sql == text)
        }
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration(), options: .init(maximumConnections: 4))
        defer { Task { await pool.close() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try await Migrator(pool: pool).migrate() } }
            try await group.waitForAll()
        }
        let counts = try await pool.query("SELECT count(*), count(DISTINCT version) FROM schema_migrations").rows[0]
        #expect(try counts.decode(0, as: Int.self) == counts.decode(1, as: Int.self))
    }

    @Test func aMigrationEditedAfterItWasAppliedIsRefused() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        try await Migrator(pool: pool).migrate()
        var edited = Migration.embedded
        let first = edited[0]
        edited[0] = Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited\n")
        await #expect(throws: Migrator.Failure.self) { try await Migrator(pool: pool, migrations: edited).migrate() }
    }
}
