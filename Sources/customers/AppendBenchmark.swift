import ArgumentParser
import EventStore
import Foundation
import Postgres

/// The contenders of `customers bench append`, run by the same writers through one pool: a plain
/// INSERT, the store's append, and the store's append without the hash chain.
struct AppendBenchmark: Sendable {
    enum Mode: String, Sendable, CaseIterable, ExpressibleByArgument { case raw, unchained, store }

    let pool: ConnectionPool
    let store: EventStore
    /// The same store in a schema whose append_events has no chain (`UnchainedAppend`).
    let unchainedStore: EventStore
    let writers: Int
    let batch: Int
    let runId = UUID().uuidString.prefix(8).lowercased()
    /// Each writer's own stream and the version it has reached, one slot per writer.
    private let versions: VersionBook

    init(pool: ConnectionPool, unchainedPool: ConnectionPool, writers: Int, batch: Int) {
        self.pool = pool
        self.store = EventStore(pool: pool)
        self.unchainedStore = EventStore(pool: unchainedPool)
        self.writers = writers
        self.batch = batch
        self.versions = VersionBook(writers: writers)
    }

    /// A realistic event body: a customer's creation, about 400 bytes of JSON.
    static let eventData = Data("""
        {"address":{"city":"Chicago","country":"USA","line1":"233 S Wacker Dr","postalCode":"60606","state":"IL"},\
        "customerId":"customer_6f1c2d3e4b5a69788796a5b4c3d2e1f0","email":"jane.smith@example.com",\
        "personalInformation":{"firstName":"Jane","lastName":"Smith","taxIdentificationNumberCountry":"USA",\
        "taxIdentificationNumberType":"ssn"},"phone":"+14155550123","type":"individual"}
        """.utf8)
    static let metadata = EventMetadata(
        commandId: "6f1c2d3e-4b5a-4978-8796-a5b4c3d2e1f0", commandType: "CreateIndividualCustomer",
        actor: "bench", requestId: "bench-request", correlationId: "bench-correlation")

    func prepare() async throws {
        // The baseline is PostgreSQL's own cost of the same rows: a plain INSERT, no chain.
        try await pool.query("CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)")
        try await pool.query("ALTER TABLE bench_raw_events ALTER COLUMN hash DROP NOT NULL")
        try await unchainedStore.pool.withConnection { _ = try await $0.executeScript(UnchainedAppend.install) }
    }

    /// Runs every writer in `mode` for `duration`; returns the events written and the seconds taken.
    func measure(_ mode: Mode, for duration: Duration) async throws -> (events: Int, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let events = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask { try await runWriter(writer, mode: mode, until: deadline) }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = clock.now - start
        return (events, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private func runWriter(_ writer: Int, mode: Mode, until deadline: ContinuousClock.Instant) async throws -> Int {
        let stream = "bench-\(runId)-\(writer)"
        let newEvents = Array(repeating: NewEvent(type: "CustomerCreated", data: Self.eventData), count: batch)
        let rawStatement = """
            INSERT INTO bench_raw_events (stream_id, stream_version, event_type, schema_version, data, metadata)
            SELECT $1, $2 + u.ordinality, u.event_type, u.schema_version, u.data, u.metadata
            FROM unnest($3::text[], $4::integer[], $5::jsonb[], $6::jsonb[])
                 WITH ORDINALITY AS u(event_type, schema_version, data, metadata, ordinality)
            """
        let types = Array(repeating: "CustomerCreated", count: batch)
        let schemaVersions = Array(repeating: Int32(1), count: batch)
        let data = Array(repeating: JSONB(Self.eventData), count: batch)
        let metadata = Array(repeating: JSONB(bytes: Self.metadata.jsonBytes()), count: batch)
        var written = 0
        while ContinuousClock.now < deadline {
            switch mode {
            case .raw:
                let version = versions.rawVersion(writer)
                try await pool.query(rawStatement, [stream, version, types, schemaVersions, data, metadata])
                versions.setRawVersion(writer, version + Int64(batch))
            case .store:
                let version = versions.storeVersion(writer)
                let result = try await store.append(
                    to: stream, streamType: "bench", expectedVersion: .after(version),
                    events: newEvents, metadata: Self.metadata)
                versions.setStoreVersion(writer, result.streamVersion)
            case .unchained:
                let version = versions.unchainedVersion(writer)
                let result = try await unchainedStore.append(
                    to: stream, streamType: "bench", expectedVersion: .after(version),
                    events: newEvents, metadata: Self.metadata)
                versions.setUnchainedVersion(writer, result.streamVersion)
            }
            written += batch
        }
        return written
    }
}

/// The version each writer's streams have reached; each slot is touched by one writer at a time.
private final class VersionBook: @unchecked Sendable {
    private var raw: [Int64]
    private var store: [Int64]
    private var unchained: [Int64]
    private let lock = NSLock()

    init(writers: Int) {
        raw = Array(repeating: 0, count: writers)
        store = Array(repeating: 0, count: writers)
        unchained = Array(repeating: 0, count: writers)
    }

    func rawVersion(_ writer: Int) -> Int64 { lock.withLock { raw[writer] } }
    func setRawVersion(_ writer: Int, _ version: Int64) { lock.withLock { raw[writer] = version } }
    func storeVersion(_ writer: Int) -> Int64 { lock.withLock { store[writer] } }
    func unchainedVersion(_ writer: Int) -> Int64 { lock.withLock { unchained[writer] } }
    func setUnchainedVersion(_ writer: Int, _ version: Int64) { lock.withLock { unchained[writer] = version } }
    func setStoreVersion(_ writer: Int, _ version: Int64) { lock.withLock { store[writer] = version } }
}
