import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A customer's events, oldest first: when, who, what and what changed (tax numbers masked).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer id (customer_…).") var customer: CustomerID
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        let events = try await database.withPersonalData { try await CustomerHistory(store: $0, vault: $1).events(of: customer) }
        guard !events.isEmpty else { throw CommandFailure("customer \(customer) has no events") }
        let entries = try History.entries(events)
        print(json ? try ReplayJSON.text(entries) : History.text(of: entries), terminator: json ? "\n" : "")
    }
}
