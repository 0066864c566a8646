import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the service against a raw libpq baseline on the same server, in one run.",
        discussion: "Benchmarks write to the database in DATABASE_URL: point it at a scratch database.",
        subcommands: [BenchAppendCommand.self, BenchRebuildCommand.self])
}
