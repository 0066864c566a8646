import Postgres

/// An asynchronous projector: it turns events into SQL that maintains its own tables. Runners
/// feed it the log in fence order and commit its statements together with its checkpoint, so
/// each event's effect lands exactly once.
public protocol Projector: Sendable {
    /// Unique name; the key of its checkpoint and of its runner lock.
    var name: String { get }
    /// The tables it owns. Rebuild and verify recreate and compare exactly these.
    var tables: [String] { get }
    /// The statements that apply `events` (in log order) to `tables`, where `tables` maps each
    /// owned table to the physical table to write (the live one, or a rebuild's shadow).
    func statements(for events: [RecordedEvent], tables: TableNames) throws -> [Statement]
    /// False when the projector needs only each event's stream, type, version and time: its
    /// reads then leave the JSON of data and metadata on the server (empty in the events).
    var readsEventBodies: Bool { get }
}

extension Projector {
    public var readsEventBodies: Bool { true }
}

/// Physical names of a projection's tables: live, or the shadow copies of a rebuild.
public struct TableNames: Sendable {
    private let mapping: [String: String]

    public static func live(_ tables: [String]) -> TableNames {
        TableNames(mapping: Dictionary(uniqueKeysWithValues: tables.map { ($0, $0) }))
    }

    public static func shadow(_ tables: [String]) -> TableNames {
        TableNames(mapping: Dictionary(uniqueKeysWithValues: tables.map { ($0, ShadowTables.shadowName(of: $0)) }))
    }

    /// The quoted physical name of `table`.
    public subscript(table: String) -> String {
        quoteIdentifier(mapping[table] ?? table)
    }
}
