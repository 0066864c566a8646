import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `/v2/customer/{id}/legal-hold`: place (with a reason) and release the hold that forbids
/// erasing a customer (scope `admin`).
struct LegalHoldRoutes {
    let services: APIServices
    var execution: CommandExecution { CommandExecution(services: services) }

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/v2/customer/:id/legal-hold", scope: .admin, place),
            Endpoint(.delete, "/v2/customer/:id/legal-hold", scope: .admin, release),
        ]
    }

    @Sendable func place(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.legalHold)
        let hold = try body.decode(LegalHoldRequest.self)
        try body.requireValid(hold.validate())
        return try await execution.run(
            .placeLegalHold(hold), customer: id, status: .ok, request: request, context: context, body: body.bytes, view: .customer)
    }

    @Sendable func release(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        return try await execution.run(.releaseLegalHold, customer: id, status: .ok, request: request, context: context, body: [], view: .customer)
    }
}
