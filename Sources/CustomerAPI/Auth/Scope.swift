/// What an API key may do. Every route but health, readiness, metrics and the OpenAPI document
/// requires one scope.
public enum Scope: String, Sendable, CaseIterable, Codable {
    case customersWrite = "customers:write"
    case customersRead = "customers:read"
    case reviewsWrite = "reviews:write"
    case auditRead = "audit:read"
    case admin
}
