import ArgumentParser
import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres

struct BenchRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Full rebuild of every projection against one streaming SELECT of the same events, in one run.",
        discussion: """
            Works in its own schema (default bench_rebuild, kept between runs): if its log holds
            fewer than --events events, realistic customer lifecycles are generated first. Then it
            reads the log raw, rebuilds every projection, reads raw again, and prints:
            rebuild events=N events_per_s=X raw_read_events_per_s=Y ratio=Z
            then the speed of `audit verify` over the whole log (audit_verify events=N events_per_s=X).
            Before all that it prints the time-travel latency for a 1,000-event stream.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Events the log should hold.") var events = 100_000
    @Option(help: "Schema to work in.") var schema = "bench_rebuild"
    @Option(help: "Concurrent writers while generating.") var writers = 8

    func validate() throws {
        guard events >= 1, events <= 50_000_000 else { throw ValidationError("--events must be 1…50,000,000") }
    }

    func run() async throws {
        let admin = try await Connection.connect(try database.configuration())
        try await admin.executeScript("CREATE SCHEMA IF NOT EXISTS \(quoteIdentifier(schema))")
        await admin.close()
        var configuration = try database.configuration()
        configuration.sessionSettings.searchPath = schema
        configuration.sessionSettings.idleInTransactionTimeoutMilliseconds = 0
        let pool = ConnectionPool(configuration: configuration, options: .init(maximumConnections: writers + 2))
        do {
            try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
            try await measure(EventStore(pool: pool))
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }

    private func measure(_ store: EventStore) async throws {
        // The generated log is unsealed, as logs written before sealing are: any master key reads it.
        let vault = PersonalDataVault(masterKey: (try? MasterKey.fromEnvironment()) ?? MasterKey.generate())
        let present = try await store.pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int.self)
        if present < events {
            try await BenchData(store: store, writers: writers).generate(events: events - present)
        }
        try await measureTimeTravel(store, vault: vault)
        let total = try await store.pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int.self)

        let firstRead = try await rawRead(store)
        let clock = ContinuousClock()
        let started = clock.now
        for projector in ProjectionCatalog.projectors(vault: vault) {
            let progress = ProgressReporter(label: "rebuild \(projector.name)", total: total)
            progress.finish(try await ProjectorRebuild(projector: projector, store: store).rebuild { progress.update($0) })
        }
        let rebuildSeconds = (clock.now - started).seconds
        let secondRead = try await rawRead(store)
        let rebuildRate = Double(total) / rebuildSeconds
        let rawRate = Double(2 * total) / (firstRead + secondRead)
        print(String(format: "rebuild events=%d events_per_s=%.0f raw_read_events_per_s=%.0f ratio=%.3f",
                     total, rebuildRate, rawRate, rebuildRate / rawRate))
        try await measureAuditVerify(store, total: total)
    }

    /// `customers audit verify` over the whole log: every chain recomputed.
    private func measureAuditVerify(_ store: EventStore, total: Int) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let progress = ProgressReporter(label: "audit verify", total: total)
        let report = try await AuditVerifier(store: store).verify(streams: nil, trustedKey: nil, progress: progress.update)
        progress.finish(report.chain.events)
        let seconds = (clock.now - started).seconds
        print(String(format: "audit_verify events=%d intact=%@ events_per_s=%.0f raw_read_events_per_s_ratio=%.3f",
                     report.chain.events, report.isIntact ? "yes" : "no", Double(report.chain.events) / seconds,
                     Double(report.chain.events) / seconds / (Double(total) / (try await rawRead(store)))))
    }

    /// Seconds to read every event, every column, with one streaming SELECT.
    private func rawRead(_ store: EventStore) async throws -> Double {
        let clock = ContinuousClock()
        let started = clock.now
        let counted = Counter()
        try await store.pool.withConnection { connection in
            try await connection.stream(Statement(
                """
                SELECT global_position, transaction_id, stream_id, stream_version, event_type,
                       schema_version, data, metadata, recorded_at
                FROM events ORDER BY global_position
                """), chunkSize: 2_000) { rows in counted.add(rows.count) }
        }
        let seconds = (clock.now - started).seconds
        print(String(format: "raw read: %d events in %.2f s", counted.value, seconds))
        return seconds
    }

    private func measureTimeTravel(_ store: EventStore, vault: PersonalDataVault) async throws {
        var generator = LifecycleGenerator(seed: 1_000)
        let stream = try generator.longStream(events: 1_000)
        let history = CustomerHistory(store: store, vault: vault)
        if try await store.version(of: stream.id.rawValue) == nil {
            try await store.append(
                to: stream.id.rawValue, streamType: "customer", expectedVersion: .noStream,
                events: stream.events.map(\.unsealedNewEvent), metadata: EventMetadata(actor: "bench"))
        }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for round in 0..<30 {
            let started = clock.now
            _ = try await history.state(of: stream.id, asOfVersion: Int64(500 + round))
            samples.append((clock.now - started).seconds * 1_000)
        }
        samples.sort()
        print(String(format: "time_travel stream_events=%d p50_ms=%.1f p99_ms=%.1f",
                     stream.events.count, samples[samples.count / 2], samples[samples.count - 1]))
    }
}

/// Appends generated customer streams, one append per customer, from several writers.
struct BenchData {
    let store: EventStore
    let writers: Int

    func generate(events target: Int) async throws {
        let progress = ProgressReporter(label: "generate", total: target)
        let written = Counter()
        let seedBase = UInt64(Date().timeIntervalSince1970 * 1000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var generator = LifecycleGenerator(seed: seedBase &+ UInt64(writer) &* 7919)
                    while written.value < target {
                        let customer = try generator.nextCustomer()
                        try await store.append(
                            to: customer.id.rawValue, streamType: "customer", expectedVersion: .noStream,
                            events: customer.events.map(\.unsealedNewEvent), metadata: EventMetadata(commandType: "Generated", actor: "bench"))
                        written.add(customer.events.count)
                        progress.update(written.value)
                    }
                }
            }
            try await group.waitForAll()
        }
        progress.finish(written.value)
    }
}

/// A count shared by concurrent tasks.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func add(_ amount: Int) { lock.withLock { count += amount } }
    var value: Int { lock.withLock { count } }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
