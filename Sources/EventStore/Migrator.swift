import Postgres

/// Applies the migrations a database lacks, in version order, all in one transaction.
public struct Migrator: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case changedAfterApplied(version: Int, name: String)
        case unknownVersionApplied(version: Int)

        public var description: String {
            switch self {
            case .changedAfterApplied(let version, let name):
                "migration \(version) (\(name)) was changed after it was applied; add a new migration instead"
            case .unknownVersionApplied(let version):
                "the database has migration \(version), which this binary does not know: it is older than the schema"
            }
        }
    }

    public let pool: ConnectionPool
    public let migrations: [Migration]

    public init(pool: ConnectionPool, migrations: [Migration] = Migration.embedded) {
        self.pool = pool
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Returns the migrations applied by this call (none when the database is up to date).
    @discardableResult
    public func migrate() async throws -> [Migration] {
        let migrations = self.migrations
        return try await pool.withTransaction { transaction in
            // Two instances starting together must not both apply the same migration.
            try await transaction.query("SELECT pg_advisory_xact_lock(hashtext('customers.schema_migrations'))")
            try await transaction.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let applied = try await transaction.query("SELECT version, checksum FROM schema_migrations")
            var appliedChecksums: [Int: String] = [:]
            for row in applied.rows {
                appliedChecksums[try row.decode(0, as: Int.self)] = try row.decode(1, as: String.self)
            }
            let known = Set(migrations.map(\.version))
            if let unknown = appliedChecksums.keys.sorted().first(where: { !known.contains($0) }) {
                throw Failure.unknownVersionApplied(version: unknown)
            }
            var newlyApplied: [Migration] = []
            for migration in migrations {
                if let checksum = appliedChecksums[migration.version] {
                    guard checksum == migration.checksum else {
                        throw Failure.changedAfterApplied(version: migration.version, name: migration.name)
                    }
                    continue
                }
                try await transaction.connection.executeScript(migration.sql)
                try await transaction.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    [migration.version, migration.name, migration.checksum])
                newlyApplied.append(migration)
            }
            return newlyApplied
        }
    }

    /// Versions the database has, or an empty list before the first migration.
    public func appliedVersions() async throws -> [Int] {
        let exists = try await pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard try exists.rows[0].decode(0, as: Bool.self) else { return [] }
        return try await pool.query("SELECT version FROM schema_migrations ORDER BY version")
            .rows.map { try $0.decode(0, as: Int.self) }
    }
}
