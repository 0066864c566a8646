import ArgumentParser
import CustomerService
import EventStore
import Foundation
import Postgres

struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Inspect, rebuild and verify the read models derived from the event log.",
        subcommands: [Status.self, Rebuild.self, Verify.self, Resume.self, Run.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each projection: kind, position, lag, and failure if parked.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withStore { store in
                let fence = try await store.checkFence()
                if !fence.isIntact { print("FENCE BROKEN: \(fence.problem)") }
                for status in try await store.status(of: ProjectionCatalog.projectors(vault: nil)) {
                    let checkpoint: ProjectorCheckpoint, lag: Int64
                    switch status.state {
                    case .inline:
                        print("\(status.name)  inline  current with every command (tables: \(status.tables.joined(separator: ", ")))")
                        continue
                    case .notStarted:
                        print("\(status.name)  async  not started")
                        continue
                    case .tailing(let at, let behind):
                        (checkpoint, lag) = (at, behind)
                    }
                    let seconds = Date().timeIntervalSince(checkpoint.updatedAt)
                    var line = "\(status.name)  async  position \(checkpoint.position)  applied \(checkpoint.eventsApplied)"
                        + "  lag \(lag) events"
                    if lag > 0 { line += String(format: ", %.0f s since last batch", seconds) }
                    print(line)
                    if let failure = checkpoint.failure {
                        print("  PARKED at \(failure.position) since \(failure.failedAt): \(failure.reason)")
                        print("  fix the cause, then: customers projections resume \(status.name)")
                    }
                }
            }
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay the whole log into shadow tables, catch up, and swap them in (the API keeps serving).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Projections to rebuild (default: all).") var names: [String] = []

        func run() async throws {
            try await database.withStore { store in
                try await store.requireIntactFence()
                let total = try await store.pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int.self)
                let vault = try await PersonalDataVault.fromEnvironment(checkedOn: store)
                for projector in try ProjectionCatalog.select(names, vault: vault) {
                    let progress = ProgressReporter(label: "rebuild \(projector.name)", total: total)
                    let started = Date()
                    let events = try await ProjectorRebuild(projector: projector, store: store).rebuild { progress.update($0) }
                    progress.finish(events)
                    print(String(format: "rebuilt %@ from %d events in %.1f s", projector.name, events, Date().timeIntervalSince(started)))
                }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild into shadow tables and compare with the live ones; exit 1 when any row differs.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Projections to verify (default: all).") var names: [String] = []

        func run() async throws {
            let differing = try await database.withStore { store in
                try await store.requireIntactFence()
                var differing = 0
                let total = try await store.pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int.self)
                let vault = try await PersonalDataVault.fromEnvironment(checkedOn: store)
                for projector in try ProjectionCatalog.select(names, vault: vault) {
                    let progress = ProgressReporter(label: "verify \(projector.name)", total: total)
                    let differences = try await ProjectorRebuild(projector: projector, store: store).verify { progress.update($0) }
                    progress.finish(total)
                    if differences.isEmpty {
                        print("\(projector.name): 0 rows differ")
                    }
                    for table in differences {
                        differing += table.onlyLiveCount + table.onlyShadowCount
                        print("\(projector.name): \(table.table): \(table.onlyLiveCount) live rows not rebuilt, \(table.onlyShadowCount) rebuilt rows not live")
                        for row in table.onlyLive { print("  live only:    \(row)") }
                        for row in table.onlyShadow { print("  rebuilt only: \(row)") }
                    }
                }
                return differing
            }
            if differing > 0 { throw ExitCode(1) }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a parked projector's failure so it retries the event.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The parked projector.") var name: String

        func run() async throws {
            let resumed = try await database.withStore { try await $0.resumeProjector(name) }
            guard resumed else { throw CommandFailure("no projector named \(name) has a checkpoint") }
            print("\(name) resumed")
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the asynchronous projectors until interrupted (serve runs them too).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withStore { store in
                try await store.requireIntactFence()
                let listener = try await store.listenForAppends()
                await withTaskGroup(of: Void.self) { group in
                    for projector in ProjectionCatalog.asynchronous {
                        group.addTask {
                            await ProjectorRunner(projector: projector, store: store).run(
                                onRetry: { error, wait in
                                    FileHandle.standardError.write(Data("\(projector.name): retrying in \(wait): \(error)\n".utf8))
                                },
                                onError: { error in
                                    FileHandle.standardError.write(Data("\(projector.name): \(error)\n".utf8))
                                })
                        }
                    }
                }
                await listener.stop()
            }
        }
    }
}
