import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "A customer and its verification profiles, now or as of a version or time, folded from the log.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The customer id (customer_…).") var customer: CustomerID
    @Option(name: .customLong("as-of-version"), help: "Show the customer as of this stream version.") var version: Int64?
    @Option(name: .customLong("as-of"), help: "Show the customer as of this time (ISO 8601, e.g. 2026-03-09T20:46:31Z).")
    var time: String?

    func validate() throws {
        if version != nil && time != nil { throw ValidationError("give --as-of-version or --as-of, not both") }
        if let time, RecordedTime.parse(time) == nil { throw ValidationError("--as-of: '\(time)' is not an ISO 8601 time") }
    }

    func run() async throws {
        let events = try await database.withPersonalData { try await CustomerHistory(store: $0, vault: $1).events(of: customer) }
        guard let last = events.last else { throw CommandFailure("customer \(customer) has no events") }
        let state: CustomerState
        if let version {
            state = try TimeTravel.state(of: events, asOfVersion: version)
        } else if let time, let date = RecordedTime.parseThroughEnd(time) {
            state = try TimeTravel.state(of: events, asOf: date)
        } else {
            state = try TimeTravel.state(of: events, asOfVersion: last.version)
        }
        guard let customerState = state.customer else { throw CommandFailure("customer \(customer) did not exist then") }
        var views: [String: AnyEncodable] = ["customer": AnyEncodable(CustomerView(customerState))]
        if !customerState.representatives.isEmpty {
            views["businessRepresentatives"] = AnyEncodable(BusinessRepresentativeView.all(in: state))
        }
        print(try ReplayJSON.text(views, pretty: true))
    }
}

/// Lets views of different types share one JSON object.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode(to:) }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
