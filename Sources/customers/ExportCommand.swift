import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a customer's events as JSON Lines to standard output, tax numbers masked.",
        discussion: "customers export customer_… > stream.jsonl; then customers replay --from-file stream.jsonl")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer id (customer_…).") var customer: CustomerID

    func run() async throws {
        let events = try await database.withPersonalData { try await CustomerHistory(store: $0, vault: $1).events(of: customer) }
        guard !events.isEmpty else { throw CommandFailure("customer \(customer) has no events") }
        // The tax identification number never leaves the log, exports included.
        print(ExportFormat.text(for: try events.map { try $0.masked() }), terminator: "")
    }
}
