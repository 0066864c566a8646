import Postgres

/// Whether a projector's rows are written with the events (inline: the command writes them in
/// its own transaction, so the API reads its own writes) or after them, by a runner tailing the
/// log behind the fence (asynchronous, with a checkpoint).
public enum ProjectorKind: String, Sendable {
    case inline
    case asynchronous
}

/// Anything that derives tables from the log. Inline and asynchronous projectors share one
/// model: one rebuild, one verify and one status (`ProjectorRebuild`, `EventStore.status(of:)`),
/// whatever the kind.
public protocol Projector: Sendable {
    /// Unique name; the key of its lock (and of its checkpoint, when asynchronous).
    var name: String { get }
    /// The tables it owns. Rebuild and verify recreate and compare exactly these.
    var tables: [String] { get }
    var kind: ProjectorKind { get }
    /// False when the projector needs only each event's stream, type, version and time: its
    /// reads then leave the JSON of data and metadata on the server (empty in the events).
    var readsEventBodies: Bool { get }
    /// A replay of the log into `tables` (a rebuild's shadow copies, empty when it starts), fed
    /// batch by batch in fence order.
    func replay(into tables: TableNames) -> any ProjectorReplay
}

extension Projector {
    public var readsEventBodies: Bool { true }
}

/// One replay of the log into a projector's tables. It may keep state between batches (a fold
/// per stream) and write when asked to flush.
public protocol ProjectorReplay: AnyObject, Sendable {
    /// The statements that apply `events`, the next batch in fence order; `reader` reads what
    /// else the projector needs, on the replay's own connection (and in its snapshot).
    func statements(for events: [RecordedEvent], reader: any StoreReader) async throws -> [SQL]
    /// The statements of whatever the replay kept back, once it has caught up.
    func flush(reader: any StoreReader) async throws -> [SQL]
    /// Called after the last catch-up: throws when something read could not be applied.
    func finish() throws
}

/// A projector a runner feeds the log behind the fence, committing each batch's statements
/// with its checkpoint, so each event's effect lands exactly once.
public protocol AsynchronousProjector: Projector {
    /// The statements that apply `events` (in fence order) to `tables`, where `tables` maps each
    /// owned table to the physical table to write (the live one, or a rebuild's shadow).
    func statements(for events: [RecordedEvent], tables: TableNames) throws -> [SQL]
}

extension AsynchronousProjector {
    public var kind: ProjectorKind { .asynchronous }

    public func replay(into tables: TableNames) -> any ProjectorReplay {
        StatelessReplay(projector: self, tables: tables)
    }
}

/// The replay of an asynchronous projector: each batch's statements, as the runner applies them.
private final class StatelessReplay<P: AsynchronousProjector>: ProjectorReplay, @unchecked Sendable {
    let projector: P
    let tables: TableNames

    init(projector: P, tables: TableNames) {
        self.projector = projector
        self.tables = tables
    }

    func statements(for events: [RecordedEvent], reader: any StoreReader) async throws -> [SQL] {
        try projector.statements(for: events, tables: tables)
    }

    func flush(reader: any StoreReader) async throws -> [SQL] { [] }

    func finish() throws {}
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

/// The statements of the layers above, on one connection of the store's.
struct ConnectionReader: StoreReader {
    let connection: Connection

    func query(_ sql: SQL) async throws -> SQLRows {
        try await translatingFailures { SQLRows(try await connection.execute(sql.statement)) }
    }
}
