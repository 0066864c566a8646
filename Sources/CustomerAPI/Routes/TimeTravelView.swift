import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `GET /v2/customer/{id}?asOfVersion=N` or `?asOf=<time>`: the customer as it was then,
/// folded from the log on demand.
enum TimeTravelView {
    static func customer(_ id: CustomerID, query: Parameters, history: CustomerHistory) async throws -> CustomerView {
        let events = try await history.events(of: id)
        guard let last = events.last else { throw APIError.notFound("Customer \(id) was not found.") }
        let state: CustomerState
        do {
            if query["asOfVersion"] != nil {
                guard query["asOf"] == nil else {
                    throw APIError.validation([FieldProblem(pointer: "/asOf", detail: "Give asOfVersion or asOf, not both.")])
                }
                let version = try ListQuery.integer(query, "asOfVersion", in: 1...last.version, default: last.version)
                state = try TimeTravel.state(of: events, asOfVersion: version)
            } else {
                let text = String(query["asOf"] ?? "")
                guard let time = RecordedTime.parseThroughEnd(text) else {
                    throw APIError.validation([FieldProblem(pointer: "/asOf", detail: "Must be an ISO 8601 time such as 2026-03-09T20:46:31.305Z.")])
                }
                state = try TimeTravel.state(of: events, asOf: time)
            }
        } catch let error as HistoryError {
            throw APIError.notFound("Customer \(id) did not exist then (\(error)).")
        }
        guard let view = CustomerView(state) else { throw APIError.notFound("Customer \(id) did not exist then.") }
        return view
    }
}
