import EventStore
import Foundation
import Postgres
import TestSupport

/// A projector for the runtime tests: counts how many times each event of the test's own
/// streams took effect, one row per event in a table of its own, so a duplicated or missing
/// effect shows as a count other than 1. Events of other suites' streams are ignored.
struct EffectCountingProjector: AsynchronousProjector {
    let name: String
    let table: String
    let streamPrefix: String
    /// Seconds a batch keeps its transaction open after its writes, so that a test can cancel
    /// the runner between the writes and the checkpoint.
    var pause: Double = 0
    /// An event type the projector cannot handle.
    var poisonType: String?

    var tables: [String] { [table] }

    struct PoisonEvent: Error {
        let position: GlobalPosition
    }

    func statements(for events: [RecordedEvent], tables: TableNames) throws -> [SQL] {
        let own = events.filter { $0.streamId.hasPrefix(streamPrefix) }
        if let poisonType, let poisoned = own.first(where: { $0.type == poisonType }) {
            throw PoisonEvent(position: poisoned.position)
        }
        guard !own.isEmpty else { return [] }
        var statements = [SQL(
            """
            INSERT INTO \(tables[table]) AS e (position, count) SELECT unnest($1::bigint[]), 1
            ON CONFLICT (position) DO UPDATE SET count = e.count + 1
            """, [.integers(own.map(\.position.position))])]
        if pause > 0 { statements.append(SQL("SELECT pg_sleep($1)", [.double(pause)])) }
        return statements
    }
}

/// The effects table of one test, its streams and the projector's checkpoint.
struct EffectTable: Sendable {
    let pool: ConnectionPool
    let store: EventStore
    /// The table, the projector and the stream prefix all carry this unique name.
    let name: String

    /// Creates the table, starts the projector's checkpoint at the head of the log, runs `body`,
    /// then drops the table and the checkpoint.
    static func with<T: Sendable>(maximumConnections: Int = 6, _ body: (EffectTable) async throws -> T) async throws -> T {
        let pool = try await TestDatabase.migratedPool(maximumConnections: maximumConnections)
        let effects = EffectTable(pool: pool, store: EventStore(pool: pool), name: TestDatabase.uniqueName("effects"))
        do {
            try await pool.withConnection { connection in
                try await connection.executeScript(
                    "CREATE TABLE \(quoteIdentifier(effects.name)) (position bigint PRIMARY KEY, count integer NOT NULL)")
                // Start at the head: what other suites left in the shared log is none of this test's
                // business, and replaying it would make the test's time grow with the log.
                try await connection.query(
                    """
                    INSERT INTO projector_checkpoints (projector, transaction_id, global_position)
                    SELECT $1, transaction_id, global_position FROM events
                    ORDER BY transaction_id DESC, global_position DESC LIMIT 1
                    """, [effects.name])
            }
            let value = try await body(effects)
            try await effects.drop()
            await pool.close()
            return value
        } catch {
            try? await effects.drop()
            await pool.close()
            throw error
        }
    }

    func projector(pause: Double = 0, poisonType: String? = nil) -> EffectCountingProjector {
        EffectCountingProjector(name: name, table: name, streamPrefix: name + "-", pause: pause, poisonType: poisonType)
    }

    /// Appends one event per type, each in its own transaction and stream; their positions.
    func append(_ types: [String]) async throws -> [GlobalPosition] {
        var positions: [GlobalPosition] = []
        for type in types {
            let result = try await store.append(
                to: "\(name)-\(UUID().uuidString.lowercased())", streamType: "effect-test", expectedVersion: .noStream,
                events: [NewEvent(type: type, data: Data("{}".utf8))], metadata: EventMetadata(actor: "effect-test"))
            positions += result.positions
        }
        return positions
    }

    func append(_ count: Int) async throws -> [GlobalPosition] {
        try await append(Array(repeating: "Counted", count: count))
    }

    /// How many times each event took effect, by global position.
    func counts() async throws -> [Int64: Int] {
        let rows = try await pool.query("SELECT position, count FROM \(quoteIdentifier(name))").rows
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(0, as: Int64.self), try $0.decode(1, as: Int.self)) })
    }

    func checkpoint() async throws -> ProjectorCheckpoint? {
        try await store.projectorCheckpoints().first { $0.projector == name }
    }

    /// Waits until the checkpoint has passed every one of `positions` (events become readable
    /// only once every older transaction of the other suites has ended).
    func waitUntilPassed(_ positions: [GlobalPosition], timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while let last = positions.max(), try await checkpoint()?.position ?? .start < last {
            guard ContinuousClock.now < deadline else { throw TimedOut(what: "checkpoint of \(name) to pass \(last)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Runs `runner` batch by batch until the checkpoint has passed every one of `positions`.
    func drain(_ runner: ProjectorRunner, through positions: [GlobalPosition], timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while let last = positions.max(), try await checkpoint()?.position ?? .start < last {
            guard ContinuousClock.now < deadline else { throw TimedOut(what: "runner of \(name) to pass \(last)") }
            switch try await runner.runOnce() {
            case .applied: continue
            case .parked(let failure): throw UnexpectedlyParked(failure: failure)
            case .caughtUp, .busy: try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    private func drop() async throws {
        try await pool.query("DROP TABLE IF EXISTS \(quoteIdentifier(name))")
        try await pool.query("DELETE FROM projector_checkpoints WHERE projector = $1", [name])
    }
}

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for the \(what)" }
}

struct UnexpectedlyParked: Error {
    let failure: ProjectorFailure
}
