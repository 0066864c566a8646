import Postgres

/// Brings a database to a `DatabaseSchema`, all in one transaction: the numbered migrations it
/// lacks, in version order, then every object whose text it does not have yet.
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

    /// What one call applied.
    public struct Applied: Sendable {
        public let migrations: [Migration]
        public let objects: [SchemaObject]
        public var isEmpty: Bool { migrations.isEmpty && objects.isEmpty }
    }

    let pool: ConnectionPool
    public let schema: DatabaseSchema

    public init(pool: ConnectionPool, schema: DatabaseSchema) {
        self.pool = pool
        self.schema = schema
    }

    @discardableResult
    public func migrate() async throws -> Applied {
        let schema = self.schema
        return try await pool.withTransaction { transaction in
            // Two instances starting together must not both apply the same migration.
            try await transaction.query("SELECT pg_advisory_xact_lock(hashtext('customers.schema_migrations'))")
            try await transaction.connection.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE IF NOT EXISTS schema_objects (
                    name       text        PRIMARY KEY,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """)
            let recorded = try await Self.recorded(on: transaction)
            let known = Set(schema.tables.map(\.version)).union(schema.retiredVersions)
            if let unknown = recorded.migrations.keys.sorted().first(where: { !known.contains($0) }) {
                throw Failure.unknownVersionApplied(version: unknown)
            }
            var migrations: [Migration] = []
            for migration in schema.tables {
                if let checksum = recorded.migrations[migration.version] {
                    guard checksum == migration.checksum else {
                        throw Failure.changedAfterApplied(version: migration.version, name: migration.name)
                    }
                    continue
                }
                try await transaction.connection.executeScript(migration.sql)
                try await transaction.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    [migration.version, migration.name, migration.checksum])
                migrations.append(migration)
            }
            var objects: [SchemaObject] = []
            for object in schema.objects where recorded.objects[object.name] != object.checksum {
                try await transaction.connection.executeScript(object.sql)
                try await transaction.query(
                    """
                    INSERT INTO schema_objects (name, checksum) VALUES ($1, $2)
                    ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now()
                    """, [object.name, object.checksum])
                objects.append(object)
            }
            return Applied(migrations: migrations, objects: objects)
        }
    }

    /// True when the database has every migration and every object of the schema as this
    /// binary has them (what readiness means).
    public func isUpToDate() async throws -> Bool {
        try await translatingFailures {
            let exists = try await pool.query(
                "SELECT to_regclass('schema_migrations') IS NOT NULL AND to_regclass('schema_objects') IS NOT NULL")
            guard try exists.rows[0].decode(0, as: Bool.self) else { return false }
            let recorded = try await pool.withConnection { try await Self.recorded(on: Transaction(connection: $0)) }
            return schema.tables.allSatisfy { recorded.migrations[$0.version] == $0.checksum }
                && schema.objects.allSatisfy { recorded.objects[$0.name] == $0.checksum }
        }
    }

    private static func recorded(on transaction: Transaction) async throws -> (migrations: [Int: String], objects: [String: String]) {
        var migrations: [Int: String] = [:]
        for row in try await transaction.query("SELECT version, checksum FROM schema_migrations").rows {
            migrations[try row.decode(0, as: Int.self)] = try row.decode(1, as: String.self)
        }
        var objects: [String: String] = [:]
        for row in try await transaction.query("SELECT name, checksum FROM schema_objects").rows {
            objects[try row.decode(0, as: String.self)] = try row.decode(1, as: String.self)
        }
        return (migrations, objects)
    }
}
