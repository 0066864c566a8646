import JSON
import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `/v2/business-representative`: a business's representatives, living in its stream.
struct RepresentativeRoutes {
    let services: APIServices
    var execution: CommandExecution { CommandExecution(services: services) }

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/v2/business-representative", scope: .customersWrite, create),
            Endpoint(.get, "/v2/business-representative", scope: .customersRead, list),
            Endpoint(.get, "/v2/business-representative/:id", scope: .customersRead, show),
            Endpoint(.patch, "/v2/business-representative/:id", scope: .customersWrite, update),
            Endpoint(.delete, "/v2/business-representative/:id", scope: .customersWrite, remove),
            Endpoint(.post, "/v2/business-representative/:id/verification-profiles/:name/decision", scope: .reviewsWrite, decide),
        ]
    }

    @Sendable func create(_ request: Request, context: APIContext) async throws -> Response {
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.newRepresentative)
        guard case .object(let members) = body.tree, case .string(let raw)? = members["customerId"] else {
            throw APIError.validation([FieldProblem(pointer: "/customerId", detail: "Is required: the business customer's id.")])
        }
        guard let customer = CustomerID(rawValue: raw) else {
            throw APIError.validation([FieldProblem(pointer: "/customerId", detail: "Must be a customer id (customer_ and 32 hex digits).")])
        }
        let id = RepresentativeID(randomBytes: FreshIdentifiers.bytes())!
        let representative = try body.decode(NewRepresentative.self)
        try body.requireValid(representative.validate(now: services.clock()))
        return try await execution.run(
            .addRepresentative(id: id, representative), customer: customer, status: .created,
            request: request, context: context, body: body.bytes, view: .representative(id))
    }

    /// `{"data": [...], "pagination": {...}}`, oldest first, like SpherePay's list.
    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        let (page, limit) = ListQuery.page(query, problems: &problems)
        if query["customerId"] == nil {
            problems.append(FieldProblem(pointer: "/customerId", detail: "Is required: the business customer's id."))
        }
        guard problems.isEmpty, let raw = query["customerId"] else { throw APIError.validation(problems) }
        guard let customer = CustomerID(rawValue: String(raw)), try await services.queries.customer(customer) != nil else {
            throw APIError.notFound("Customer \(raw.prefix(80)) was not found.")
        }
        let (views, total) = try await services.queries.representatives(of: customer, page: page, limit: limit)
        var body = Data(#"{"data":["#.utf8)
        for (index, view) in views.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(view)
        }
        body.append(contentsOf: Data(#"],"pagination":"#.utf8))
        body.append(try CanonicalJSON.encode(Pagination(page: page, limit: limit, total: total)))
        body.append(UInt8(ascii: "}"))
        return Responses.data(body)
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.representativeID(context)
        guard let found = try await services.queries.representative(id) else { throw notFound(id) }
        return Responses.data(found.view)
    }

    @Sendable func update(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.representativeID(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.representativeUpdate)
        let update = try body.decode(RepresentativeUpdate.self)
        try body.requireValid()
        guard let found = try await services.queries.representative(id) else { throw notFound(id) }
        return try await execution.run(
            .updateRepresentative(id: id, update), customer: found.customer, status: .ok,
            request: request, context: context, body: body.bytes, view: .representative(id))
    }

    @Sendable func remove(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.representativeID(context)
        guard let found = try await services.queries.representative(id) else { throw notFound(id) }
        return try await execution.run(
            .removeRepresentative(id: id), customer: found.customer, status: .ok,
            request: request, context: context, body: [], view: .acknowledgement)
    }

    @Sendable func decide(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.representativeID(context)
        let profile = try PathParameters.profileName(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.decision)
        let decision = try body.decode(ProfileDecision.self)
        try body.requireValid(decision.validate())
        guard let found = try await services.queries.representative(id) else { throw notFound(id) }
        return try await execution.run(
            .decideProfile(profile, subject: .representative(id), decision), customer: found.customer, status: .ok,
            request: request, context: context, body: body.bytes, view: .representative(id))
    }

    private func notFound(_ id: RepresentativeID) -> APIError {
        .notFound("Business representative \(id) was not found.")
    }
}
