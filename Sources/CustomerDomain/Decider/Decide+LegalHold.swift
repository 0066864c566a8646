/// Placing a legal hold: a reason is required, and a hold stands until released (placing a
/// second one would hide when the first began).
func decideLegalHold(
    _ request: LegalHoldRequest, on customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    try request.validate().check()
    guard let reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines) else {
        throw .validationFailed([FieldProblem(pointer: "/reason", detail: "is required")])
    }
    if let hold = customer.legalHold {
        throw .invalid("Customer \(customer.id) is already under a legal hold since \(hold.since.iso8601) (\(hold.reason)).")
    }
    return [.legalHoldPlaced(LegalHoldPlaced(reason: reason, placedAt: context.timestamp))]
}
