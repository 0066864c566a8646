import CustomerDomain
import CustomerService
import Foundation
import Hummingbird

/// `GET …/verification-profiles/{name}/explanation`, for a customer's profile and for a
/// representative's: why the profile is where it is (scope `audit:read`).
struct ExplanationRoutes {
    let services: APIServices

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/v2/customer/:id/verification-profiles/:name/explanation", scope: .auditRead, customer),
            Endpoint(.get, "/v2/business-representative/:id/verification-profiles/:name/explanation", scope: .auditRead, representative),
        ]
    }

    @Sendable func customer(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.customerID(context)
        let profile = try PathParameters.profileName(context)
        guard let explanation = try await services.history.explanation(of: id, profile: profile, subject: .customer(id)) else {
            throw APIError.notFound("Customer \(id) has no verification profile named \(profile.rawValue).")
        }
        return try Responses.json(explanation)
    }

    @Sendable func representative(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.representativeID(context)
        let profile = try PathParameters.profileName(context)
        guard let found = try await services.queries.representative(id),
              let explanation = try await services.history.explanation(of: found.customer, profile: profile, subject: .representative(id))
        else {
            throw APIError.notFound("Business representative \(id) has no verification profile named \(profile.rawValue).")
        }
        return try Responses.json(explanation)
    }
}
