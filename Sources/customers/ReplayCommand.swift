import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Step through a customer's events, printing after each what changed and every criterion and status that moved.",
        discussion: "From the database by customer id, or with --from-file from a `customers export` file, with no database.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer id (customer_…); not needed with --from-file.") var customer: CustomerID?
    @Option(name: .customLong("to-version"), help: "Stop after this version.") var toVersion: Int64?
    @Option(name: .customLong("from-file"), help: "A JSON Lines file written by `customers export`.") var file: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    func validate() throws {
        if (customer == nil) == (file == nil) { throw ValidationError("give a customer id or --from-file, one of them") }
        if let toVersion, toVersion < 1 { throw ValidationError("--to-version must be at least 1") }
    }

    func run() async throws {
        let events: [LoggedEvent]
        if let file {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            events = try ExportFormat.read(text)
        } else if let customer {
            events = try await database.withPersonalData { try await CustomerHistory(store: $0, vault: $1).events(of: customer) }
        } else {
            events = []
        }
        guard !events.isEmpty else { throw CommandFailure("no events to replay") }
        let steps = try Replay.steps(events, toVersion: toVersion)
        print(json ? try ReplayJSON.text(steps) : Replay.text(of: steps), terminator: json ? "\n" : "")
    }
}
