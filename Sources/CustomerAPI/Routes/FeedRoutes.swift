import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// The event feed (scope `audit:read`): every notification exactly once, in commit order behind
/// the fence, after an opaque cursor, long-polling up to 30 s when nothing is new.
struct FeedRoutes {
    let services: APIServices
    static let longestWait: Int64 = 30

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/v2/events", scope: .auditRead, page),
            Endpoint(.get, "/v2/event/:id", scope: .auditRead, one),
        ]
    }

    @Sendable func page(_ request: Request, context: APIContext) async throws -> Response {
        let query = request.uri.queryParameters
        var cursor = FeedCursor.start
        if let after = query["after"] {
            guard let parsed = FeedCursor(text: String(after)) else {
                throw APIError.validation([FieldProblem(pointer: "/after", detail: "Must be a cursor this feed returned as next.")])
            }
            cursor = parsed
        }
        let limit = Int(try ListQuery.integer(query, "limit", in: 1...Int64(APILimits.pageSize), default: 50))
        let wait = try ListQuery.integer(query, "wait", in: 0...Self.longestWait, default: 0)
        let page = try await services.feed.page(after: cursor, limit: limit, wait: .seconds(wait))
        var body = Data(#"{"events":["#.utf8)
        for (index, event) in page.bodies.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(event)
        }
        body.append(contentsOf: Data(#"],"next":"\#(page.next)"}"#.utf8))
        return Responses.data(body)
    }

    @Sendable func one(_ request: Request, context: APIContext) async throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        guard let id = NotificationID(rawValue: raw), let body = try await services.feed.notification(id) else {
            throw APIError.missing(code: "event/not-found", detail: "Event \(raw.prefix(80)) was not found.")
        }
        return Responses.data(body)
    }
}
