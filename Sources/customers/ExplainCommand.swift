import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation
import JSON

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why each verification profile of a customer is where it is: per criterion, its list, since which event, on what evidence.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer id (customer_…).") var customer: CustomerID
    @Flag(help: "Print the explanations as JSON, as the API answers them.") var json = false

    func run() async throws {
        let events = try await database.withPersonalData { try await CustomerHistory(store: $0, vault: $1).events(of: customer) }
        guard !events.isEmpty else { throw CommandFailure("customer \(customer) has no events") }
        let explanations = try ProfileExplanation.all(of: events)
        if json {
            print(String(decoding: try CanonicalJSON.encode(explanations), as: UTF8.self))
        } else {
            print(explanations.map(\.text).joined(separator: "\n\n"))
        }
    }
}
