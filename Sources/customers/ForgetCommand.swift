import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a customer's personal data: destroy its key and record the erasure.",
        discussion: """
            Names, dates of birth and tax identification numbers in the customer's events (and its \
            representatives') can never be read again; history and time travel show them as \
            [erased]. The rest of the log is untouched, and the customer takes no more commands.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer's id.") var customer: CustomerID
    @Option(help: "Who asks, recorded as the event's actor.") var actor = "cli:\(NSUserName())"

    func run() async throws {
        let id = customer
        let result = try await database.withPersonalData { store, vault in
            let request = CommandRequest(actor: actor, requestId: UUID().uuidString.lowercased(), idempotency: nil, now: Date())
            do {
                return try await CommandHandler(store: store, vault: vault).handle(
                    .erasePersonalData, customer: id, request: request, response: ResponseShape(statusCode: 204, view: .empty))
            } catch CustomerServiceError.domain(let error) {
                throw CommandFailure(error.detail)
            }
        }
        if result.appendedEvents > 0 {
            print("\(id): personal data erased at version \(result.streamVersion ?? 0); its key is destroyed")
        } else {
            print("\(id): personal data was already erased; nothing recorded")
        }
    }
}
