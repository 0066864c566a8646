/// What an API key may do. Every route but health, readiness and the OpenAPI document requires
/// one scope.
public enum Scope: String, Sendable, CaseIterable, Codable {
    case customersWrite = "customers:write"
    case customersRead = "customers:read"
    case reviewsWrite = "reviews:write"
    case auditRead = "audit:read"
    case admin
    /// `GET /metrics` (as `admin` does): what a Prometheus scraper's bearer token needs.
    case metricsRead = "metrics:read"
}
