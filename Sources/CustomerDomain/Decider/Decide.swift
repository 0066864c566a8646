/// Decides what a command means for a customer: the facts to record, or why
/// it is refused. After the command's own facts, it appends a
/// `VerificationProfileStatusChanged` for every profile whose criteria now
/// call for another status, so a profile becomes `pending` in the same
/// command that completed its last requirement.
public func decide(
    _ command: CustomerCommand,
    state: CustomerState,
    context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    let facts = try decideFacts(command, state: state, context: context)
    guard !facts.isEmpty else { return [] }
    return facts + statusChangesCalledFor(by: fold(facts, from: state), context: context)
}

private func decideFacts(
    _ command: CustomerCommand,
    state: CustomerState,
    context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    switch command {
    case .createIndividual(let id, let body):
        return try decideCreation(id: id, body, state: state, context: context)
    case .createBusiness(let id, let body):
        return try decideCreation(id: id, body, state: state, context: context)
    case .updateIndividual(let update):
        return try decideUpdate(update, of: existing(state), context: context)
    case .addRepresentative(let id, let body):
        return try decideAddition(id: id, body, to: existing(state), context: context)
    case .updateRepresentative(let id, let update):
        return try decideUpdate(of: id, update, in: existing(state), context: context)
    case .removeRepresentative(let id):
        return try decideRemoval(of: id, from: existing(state), context: context)
    case .recordDocumentUpload(let id, let upload):
        return try decideUpload(id: id, upload, for: existing(state), context: context)
    case .reviewDocument(let id, let review):
        return try decideReview(of: id, review, in: existing(state), context: context)
    case .decideProfile(let name, let subject, let decision):
        return try decideProfile(name, of: subject, decision, in: existing(state), context: context)
    case .erasePersonalData:
        // Erasing twice is erasing once: the second time records nothing.
        let customer = try existingEvenIfErased(state)
        guard customer.personalDataErasedAt == nil else { return [] }
        if let hold = customer.legalHold {
            throw .legalHold("Customer \(customer.id) is under a legal hold since \(hold.since.iso8601) (\(hold.reason)); "
                + "its personal data cannot be erased until the hold is released.")
        }
        return [.personalDataErased(PersonalDataErased(erasedAt: context.timestamp))]
    case .placeLegalHold(let request):
        return try decideLegalHold(request, on: existing(state), context: context)
    case .releaseLegalHold:
        let customer = try existing(state)
        guard customer.legalHold != nil else { throw .invalid("Customer \(customer.id) is not under a legal hold.") }
        return [.legalHoldReleased(LegalHoldReleased(releasedAt: context.timestamp))]
    }
}

/// The customer a command works on; one whose personal data was erased takes no more commands.
func existing(_ state: CustomerState) throws(CustomerError) -> Customer {
    let customer = try existingEvenIfErased(state)
    guard customer.personalDataErasedAt == nil else {
        throw .invalid("Customer \(customer.id)'s personal data was erased; it takes no more commands.")
    }
    return customer
}

private func existingEvenIfErased(_ state: CustomerState) throws(CustomerError) -> Customer {
    guard let customer = state.customer else { throw .notFound(.customer(nil)) }
    return customer
}

/// The automatic moves between `incomplete` and `pending` that the criteria
/// of `customer`'s profiles call for. Representatives come first because a
/// business's `business_representatives` criterion reads their statuses.
func statusChangesCalledFor(by state: CustomerState, context: CommandContext) -> [CustomerEvent] {
    guard let customer = state.customer else { return [] }
    let profiles = customer.subjectProfiles
    let ordered = Array(profiles.dropFirst()) + profiles.prefix(1)
    return ordered.compactMap { subjectProfile in
        let profile = subjectProfile.profile
        let target = profile.statusCalledForByCriteria
        guard target != profile.status else { return nil }
        return .verificationProfileStatusChanged(VerificationProfileStatusChanged(
            profile: profile.name, subject: subjectProfile.subject, from: profile.status, to: target,
            reason: .criteriaChanged, detail: explanation(of: profile.criteria), rulesVersion: context.rulesVersion,
            evidence: customer.evidence(of: subjectProfile.subject), changedAt: context.timestamp
        ))
    }
}

/// A sentence naming the criteria that hold a profile back, or saying none do.
func explanation(of criteria: CriteriaLists) -> String {
    var parts: [String] = []
    if !criteria.required.isEmpty { parts.append("required: " + criteria.required.joined(separator: ", ")) }
    if !criteria.errors.isEmpty {
        parts.append("errors: " + criteria.errors.map { "\($0.name) (\($0.detail))" }.joined(separator: ", "))
    }
    return parts.isEmpty ? "Nothing is required and nothing is in errors." : parts.joined(separator: "; ")
}
