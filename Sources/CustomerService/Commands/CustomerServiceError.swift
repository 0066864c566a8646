import CustomerDomain

/// Why the service refused a command, beyond the domain's own reasons.
public enum CustomerServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The domain refused the command (validation, business rule, not found).
    case domain(CustomerError)
    /// Another customer of the same type already has this email.
    case duplicateEmail(email: String)
    /// The stream kept changing under the command through every retry.
    case concurrencyConflict(attempts: Int)
    /// The idempotency key was used before with a different request.
    case idempotencyMismatch(key: String)

    public var code: String {
        switch self {
        case .domain(let error): error.code
        case .duplicateEmail: "customer/duplicate"
        case .concurrencyConflict: "concurrency/conflict"
        case .idempotencyMismatch: "idempotency/mismatch"
        }
    }

    public var description: String {
        switch self {
        case .domain(let error): error.detail
        case .duplicateEmail(let email): "A customer of this type already uses the email \(email)."
        case .concurrencyConflict(let attempts): "The customer kept changing concurrently; gave up after \(attempts) attempts."
        case .idempotencyMismatch(let key): "Idempotency-Key \(key) was already used with a different request."
        }
    }
}
