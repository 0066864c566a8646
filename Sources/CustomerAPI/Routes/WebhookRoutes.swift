import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `/v2/webhook`: subscriptions (scope `admin`), their deliveries and redelivery.
struct WebhookRoutes {
    let services: APIServices

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/v2/webhook", scope: .admin, create),
            Endpoint(.get, "/v2/webhook", scope: .admin, list),
            Endpoint(.get, "/v2/webhook/:id", scope: .admin, show),
            Endpoint(.patch, "/v2/webhook/:id", scope: .admin, update),
            Endpoint(.delete, "/v2/webhook/:id", scope: .admin, remove),
            Endpoint(.post, "/v2/webhook/:id/rotate-secret", scope: .admin, rotate),
            Endpoint(.get, "/v2/webhook/:id/deliveries", scope: .admin, deliveries),
            Endpoint(.post, "/v2/webhook/:id/deliveries/:deliveryId/redeliver", scope: .admin, redeliver),
        ]
    }

    /// The body of a create or an update.
    struct Body: Decodable {
        var url: String?
        var events: [String]?
        var description: String?
        var enabled: Bool?

        var input: WebhookSubscriptionInput {
            WebhookSubscriptionInput(url: url, events: events, description: description, enabled: enabled)
        }
    }

    struct List: Encodable {
        let webhooks: [WebhookSubscription]
    }

    struct Deliveries: Encodable {
        let deliveries: [WebhookDelivery]
        let hasMore: Bool
    }

    @Sendable func create(_ request: Request, context: APIContext) async throws -> Response {
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.webhook)
        let input = try body.decode(Body.self).input
        try body.requireValid()
        return try Responses.json(try await services.subscriptions.create(input), status: .created)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        try Responses.json(List(webhooks: try await services.subscriptions.list()))
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        guard let subscription = try await services.subscriptions.get(id) else { throw Self.notFound(id) }
        return try Responses.json(subscription)
    }

    @Sendable func update(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.webhook)
        let input = try body.decode(Body.self).input
        try body.requireValid()
        guard let subscription = try await services.subscriptions.update(id, input) else { throw Self.notFound(id) }
        return try Responses.json(subscription)
    }

    @Sendable func remove(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        guard try await services.subscriptions.delete(id) else { throw Self.notFound(id) }
        return try Responses.json(["ok": true])
    }

    @Sendable func rotate(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        guard let subscription = try await services.subscriptions.rotateSecret(id) else { throw Self.notFound(id) }
        return try Responses.json(subscription)
    }

    @Sendable func deliveries(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        guard try await services.subscriptions.get(id) != nil else { throw Self.notFound(id) }
        let query = request.uri.queryParameters
        let status = query["status"].map(String.init)
        if let status, !["pending", "sending", "delivered", "failed"].contains(status) {
            throw APIError.validation([FieldProblem(pointer: "/status", detail: "Must be pending, sending, delivered or failed.")])
        }
        let after = query["after"].map(String.init)
        if let after, !Self.isDeliveryID(after) {
            throw APIError.validation([FieldProblem(pointer: "/after", detail: "Must be a delivery id (delivery_ and 32 hex digits).")])
        }
        let limit = Int(try ListQuery.integer(query, "limit", in: 1...Int64(APILimits.pageSize), default: 50))
        let found = try await services.deliveries.list(of: id, status: status, after: after, limit: limit + 1)
        return try Responses.json(Deliveries(deliveries: Array(found.prefix(limit)), hasMore: found.count > limit))
    }

    @Sendable func redeliver(_ request: Request, context: APIContext) async throws -> Response {
        let id = try Self.id(context)
        let delivery = context.parameters.get("deliveryId") ?? ""
        guard Self.isDeliveryID(delivery), try await services.deliveries.redeliver(delivery, of: id) else {
            throw APIError.missing(code: "webhook/not-found", detail: "Webhook \(id) has no delivery \(delivery.prefix(80)).")
        }
        return try Responses.json(["ok": true])
    }

    static func id(_ context: APIContext) throws -> String {
        let raw = context.parameters.get("id") ?? ""
        guard raw.hasPrefix("webhook_"), raw.utf8.count == 40,
              raw.utf8.dropFirst(8).allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { throw notFound(String(raw.prefix(80))) }
        return raw
    }

    static func isDeliveryID(_ text: String) -> Bool {
        text.hasPrefix("delivery_") && text.utf8.count == 41
            && text.utf8.dropFirst(9).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func notFound(_ id: String) -> APIError {
        .missing(code: "webhook/not-found", detail: "Webhook \(id) was not found.")
    }
}
