import JSON
import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `GET /v2/customer/{id}/events`: the audit history, oldest first, paged by version.
struct HistoryRoutes {
    let services: APIServices

    var endpoints: [Endpoint] {
        [Endpoint(.get, "/v2/customer/:id/events", scope: .auditRead, events)]
    }

    struct Page: Encodable {
        let events: [Entry]
        let hasMore: Bool
    }

    struct Entry: Encodable {
        let position: Int64
        let version: Int64
        let type: String
        let data: JSONTree
        let metadata: JSONTree
        let recordedAt: String
    }

    @Sendable func events(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let query = request.uri.queryParameters
        let after = try ListQuery.integer(query, "after", in: 0...Int64.max, default: 0)
        let limit = try ListQuery.integer(query, "limit", in: 1...Int64(APILimits.pageSize), default: 50)
        let page = try await services.history.page(of: id, after: after, limit: Int(limit))
        if page.events.isEmpty, after == 0 { throw APIError.notFound("Customer \(id) was not found.") }
        let entries = try page.events.map { event in
            // The tax identification number never leaves the log.
            let masked = try event.masked()
            return Entry(
                position: masked.position, version: masked.version, type: masked.type,
                data: JSONTree(json: masked.data) ?? .null, metadata: JSONTree(json: masked.metadata) ?? .null,
                recordedAt: RecordedTime.milliseconds(masked.recordedAt))
        }
        return try Responses.json(Page(events: entries, hasMore: page.hasMore))
    }
}
