import JSON
import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `/v2/customer`: create, read (now or as of then), list, update, the profile decision, and
/// forgetting a customer's personal data.
struct CustomerRoutes {
    let services: APIServices
    var execution: CommandExecution { CommandExecution(services: services) }

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/v2/customer", scope: .customersWrite, create),
            Endpoint(.get, "/v2/customer", scope: .customersRead, list),
            Endpoint(.get, "/v2/customer/:id", scope: .customersRead, show),
            Endpoint(.patch, "/v2/customer/:id", scope: .customersWrite, update),
            Endpoint(.post, "/v2/customer/:id/verification-profiles/:name/decision", scope: .reviewsWrite, decide),
            Endpoint(.post, "/v2/customer/:id/forget", scope: .admin, forget),
        ]
    }

    @Sendable func create(_ request: Request, context: APIContext) async throws -> Response {
        let body = try await JSONBody.read(request, context: context, shape: .anyObject)
        guard case .object(let members) = body.tree, let type = members["type"], type != .null else {
            throw APIError.validation([FieldProblem(pointer: "/type", detail: "Is required: individual or business.")])
        }
        let id = CustomerID(randomBytes: FreshIdentifiers.bytes())!
        let command: CustomerCommand
        let now = services.clock()
        switch type {
        case .string("individual"):
            let body = body.reshaped(RequestShapes.individual)
            let individual = try body.decode(NewIndividual.self)
            try body.requireValid(individual.validate(now: now))
            command = .createIndividual(id: id, individual)
        case .string("business"):
            let body = body.reshaped(RequestShapes.business)
            let business = try body.decode(NewBusiness.self)
            try body.requireValid(business.validate(now: now))
            command = .createBusiness(id: id, business)
        default:
            throw APIError.validation([FieldProblem(pointer: "/type", detail: "Must be individual or business.")])
        }
        return try await execution.run(command, customer: id, status: .created, request: request, context: context, body: body.bytes, view: .customer)
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let query = request.uri.queryParameters
        if query["asOfVersion"] != nil || query["asOf"] != nil {
            return try await Responses.json(TimeTravelView.customer(id, query: query, history: services.history))
        }
        guard let view = try await services.queries.customer(id) else { throw APIError.notFound("Customer \(id) was not found.") }
        return Responses.data(view)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let filter = try ListQuery.filter(request.uri.queryParameters)
        let (views, total) = try await services.queries.customers(filter)
        var body = Data(#"{"customers":["#.utf8)
        for (index, view) in views.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(view)
        }
        body.append(contentsOf: Data(#"],"pagination":"#.utf8))
        body.append(try CanonicalJSON.encode(Pagination(page: filter.page, limit: filter.limit, total: total)))
        body.append(UInt8(ascii: "}"))
        return Responses.data(body)
    }

    @Sendable func update(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.individualUpdate)
        let update = try body.decode(IndividualUpdate.self)
        try body.requireValid()
        return try await execution.run(.updateIndividual(update), customer: id, status: .ok, request: request, context: context, body: body.bytes, view: .customer)
    }

    @Sendable func decide(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let profile = try PathParameters.profileName(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.decision)
        let decision = try body.decode(ProfileDecision.self)
        try body.requireValid(decision.validate())
        return try await execution.run(
            .decideProfile(profile, subject: .customer(id), decision), customer: id, status: .ok,
            request: request, context: context, body: body.bytes, view: .customer)
    }

    /// Destroys the customer's key and records the erasure; takes no body. Forgetting twice
    /// answers the same view and records nothing more.
    @Sendable func forget(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        return try await execution.run(.erasePersonalData, customer: id, status: .ok, request: request, context: context, body: [], view: .customer)
    }
}

/// Path parameters, checked: a malformed id is simply not found.
enum PathParameters {
    static func customerID(_ context: APIContext) throws -> CustomerID {
        let raw = context.parameters.get("id") ?? ""
        guard let id = CustomerID(rawValue: raw) else { throw APIError.notFound("Customer \(raw.prefix(80)) was not found.") }
        return id
    }

    static func representativeID(_ context: APIContext) throws -> RepresentativeID {
        let raw = context.parameters.get("id") ?? ""
        guard let id = RepresentativeID(rawValue: raw) else {
            throw APIError.notFound("Business representative \(raw.prefix(80)) was not found.")
        }
        return id
    }

    static func documentID(_ context: APIContext) throws -> DocumentID {
        let raw = context.parameters.get("id") ?? ""
        guard let id = DocumentID(rawValue: raw) else { throw APIError.notFound("Document \(raw.prefix(80)) was not found.") }
        return id
    }

    static func profileName(_ context: APIContext) throws -> ProfileName {
        let raw = context.parameters.get("name") ?? ""
        guard let name = ProfileName(rawValue: raw) else {
            throw APIError.notFound("There is no verification profile named \(raw.prefix(80)).")
        }
        return name
    }
}
