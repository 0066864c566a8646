/// One numbered SQL file of a layer's `Schema/tables`, carried inside the binary: applied once,
/// in version order, and never changed afterwards.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Detects a migration edited after it was applied.
    public var checksum: String { fnv1a(sql) }
}

/// One database object of a layer's `Schema/objects` (a function, a trigger, a role's grants),
/// written to be applied again (`CREATE OR REPLACE`): it is, whenever its text changes.
public struct SchemaObject: Sendable, Equatable {
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    public var checksum: String { fnv1a(sql) }
}

/// The schema one layer owns: its tables' migrations, its objects, and the versions it once
/// had as migrations and now keeps as objects (a database that applied them is up to date).
public struct SchemaLayer: Sendable {
    public let name: String
    public let tables: [Migration]
    public let objects: [SchemaObject]
    public let retiredVersions: Set<Int>

    public init(name: String, tables: [Migration], objects: [SchemaObject], retiredVersions: Set<Int> = []) {
        self.name = name
        self.tables = tables
        self.objects = objects
        self.retiredVersions = retiredVersions
    }
}

/// The layers of one database, in the order their objects are applied (tables first, by
/// version across all layers).
public struct DatabaseSchema: Sendable {
    public let layers: [SchemaLayer]

    public init(layers: [SchemaLayer]) {
        self.layers = layers
    }

    /// The event log alone.
    public static let eventStore = DatabaseSchema(layers: [EventStoreSchema.layer])

    var tables: [Migration] { layers.flatMap(\.tables).sorted { $0.version < $1.version } }
    var objects: [SchemaObject] { layers.flatMap(\.objects) }
    var retiredVersions: Set<Int> { layers.reduce(into: []) { $0.formUnion($1.retiredVersions) } }
}

/// The event store's own schema: the log, the streams, the checkpoints, and the functions and
/// triggers that guard them.
public enum EventStoreSchema {
    public static let layer = SchemaLayer(
        name: "event store", tables: tables, objects: objects,
        // Functions and triggers that were numbered migrations before they became objects.
        retiredVersions: [3, 12, 13, 18, 21])
}

/// FNV-1a of a text, in hex.
private func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}
