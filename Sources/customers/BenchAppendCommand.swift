import ArgumentParser
import CustomerService
import EventStore
import Foundation
import Postgres

struct BenchAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Event store appends against plain INSERTs of the same rows, alternating in one run.",
        discussion: """
            Each writer appends to its own stream. The baseline inserts rows of the events table's
            shape into a copy of that table (same columns, defaults and indexes) with one INSERT per
            batch, through the same pool. Both run in a scratch schema created for the run (the
            real schema, migrated there) and dropped afterwards, so both tables start empty and
            the database's own log is left alone. Prints last:
            append writers=N batch=K store_events_per_s=X raw_events_per_s=Y ratio=Z
            (with --only, that side's events and rate).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Concurrent writers.") var writers = 16
    @Option(help: "Events per append.") var batch = 1
    @Option(help: "Seconds of measurement, split evenly between the contenders.") var seconds = 20.0
    @Option(help: "Alternations of the contenders within the run.") var rounds = 4
    @Option(help: "Measure only this contender (raw, unchained or store), for CPU accounting of one of them.")
    var only: AppendBenchmark.Mode?

    func validate() throws {
        guard writers >= 1, writers <= 256 else { throw ValidationError("--writers must be 1…256") }
        guard batch >= 1, batch <= 1000 else { throw ValidationError("--batch must be 1…1000") }
        guard seconds > 0, seconds <= 3600 else { throw ValidationError("--seconds must be in (0, 3600]") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() async throws {
        let chained = try await ScratchSchema.create(database: try database.configuration(), prefix: "bench_append")
        let unchained = try await ScratchSchema.create(database: try database.configuration(), prefix: "bench_unchained")
        let pools = try [chained, unchained].map { scratch in
            var configuration = try database.configuration()
            configuration.sessionSettings.searchPath = scratch.name
            return ConnectionPool(configuration: configuration, options: .init(maximumConnections: writers, acquireTimeout: .seconds(60)))
        }
        do {
            try await measure(pool: pools[0], unchainedPool: pools[1])
            for pool in pools { await pool.close() }
            try await chained.drop()
            try await unchained.drop()
        } catch {
            for pool in pools { await pool.close() }
            try? await chained.drop()
            try? await unchained.drop()
            throw error
        }
    }

    private func measure(pool: ConnectionPool, unchainedPool: ConnectionPool) async throws {
        try await Migrator(pool: pool, schema: CustomerSchema.database).migrate()
        try await Migrator(pool: unchainedPool, schema: CustomerSchema.database).migrate()
        let benchmark = AppendBenchmark(pool: pool, unchainedPool: unchainedPool, writers: writers, batch: batch)
        try await benchmark.prepare()

        let modes = only.map { [$0] } ?? [.raw, .unchained, .store]
        let phase = Duration.seconds(seconds / Double(rounds * modes.count))
        // Warm every path (connections, prepared statements, caches) before measuring.
        for mode in modes { _ = try await benchmark.measure(mode, for: .milliseconds(500)) }
        var totals: [AppendBenchmark.Mode: (events: Int, seconds: Double)] = [.raw: (0, 0), .unchained: (0, 0), .store: (0, 0)]
        for round in 1...rounds {
            for mode in modes {
                let sample = try await benchmark.measure(mode, for: phase)
                totals[mode]!.events += sample.events
                totals[mode]!.seconds += sample.seconds
                print(String(format: "round %d %@ events=%d events_per_s=%.0f", round, mode.rawValue,
                             sample.events, Double(sample.events) / sample.seconds))
            }
        }
        if let only {
            let rate = Double(totals[only]!.events) / totals[only]!.seconds
            print(String(format: "append writers=%d batch=%d %@_events=%d %@_events_per_s=%.0f",
                         writers, batch, only.rawValue, totals[only]!.events, only.rawValue, rate))
            return
        }
        let rate = { (mode: AppendBenchmark.Mode) in Double(totals[mode]!.events) / totals[mode]!.seconds }
        let store = rate(.store), raw = rate(.raw), unchained = rate(.unchained)
        print(String(format: "append writers=%d batch=%d store_events_per_s=%.0f raw_events_per_s=%.0f ratio=%.3f",
                     writers, batch, store, raw, store / raw))
        // What the hash chain costs: the store's append against the same function without it.
        print(String(format: "chain writers=%d batch=%d unchained_events_per_s=%.0f chained_events_per_s=%.0f chain_cost=%.1f%%",
                     writers, batch, unchained, store, (1 - store / unchained) * 100))
    }
}
