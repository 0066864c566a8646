import ArgumentParser

@main
struct Customers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "The customer lifecycle service: serve the API, migrate the database, measure.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ProjectionsCommand.self, HistoryCommand.self, ShowCommand.self,
            ReplayCommand.self, ExplainCommand.self, ExportCommand.self, ForgetCommand.self, WebhooksCommand.self, AuditCommand.self, KeysCommand.self, BenchCommand.self,
        ])
}
