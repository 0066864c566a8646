/// Personal data that cannot be sealed or opened. Never an erasure: erased fields read as
/// `[erased]`; these are faults an operator must see.
public enum PersonalDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The master key does not open the customer's data key: another master key, or a damaged row.
    case unreadableKey(customer: String)
    /// A sealed field does not open with the customer's key: the event was damaged.
    case unreadableField(customer: String, field: String)
    /// Sealing was asked of a customer whose key was destroyed.
    case keyDestroyed(customer: String)
    /// The service was started with another master key than the one the keys are wrapped with.
    case masterKeyMismatch
    /// The service was started with a master key that a rotation replaced.
    case masterKeyRetired(at: String)

    public var description: String {
        switch self {
        case .unreadableKey(let customer):
            "The data key of \(customer) does not open with this master key."
        case .unreadableField(let customer, let field):
            "The sealed \(field) of \(customer) does not open with its key: the event is damaged."
        case .keyDestroyed(let customer):
            "The data key of \(customer) was destroyed; nothing can be sealed for it."
        case .masterKeyMismatch:
            "CUSTOMERS_MASTER_KEY is not the master key this database's customer keys are wrapped with."
        case .masterKeyRetired(let time):
            "CUSTOMERS_MASTER_KEY is the master key that `customers keys rotate-master` replaced at \(time): start with the new key."
        }
    }
}
