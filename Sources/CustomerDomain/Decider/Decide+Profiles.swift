/// A reviewer's approval or rejection of a whole profile.
func decideProfile(
    _ name: ProfileName, of subject: ProfileSubject, _ decision: ProfileDecision,
    in customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    switch subject {
    case .customer(let id):
        guard id == customer.id else { throw .notFound(.customer(id.rawValue)) }
    case .representative(let id):
        guard customer.representative(id) != nil else { throw .notFound(.representative(id)) }
    }
    guard let profile = customer.verificationProfile(of: subject), profile.name == name else {
        throw .notFound(.profile(name, subject))
    }
    try decision.validate().check()
    guard let verdict = decision.decision else {
        throw .validationFailed([FieldProblem(pointer: "/decision", detail: "is required")])
    }
    switch profile.status {
    case .pending:
        break
    case .rejected:
        throw .invalid("\(name.rawValue) of \(subject) is rejected, and a rejection is final.")
    case .incomplete, .approved:
        throw .invalid("Only a pending profile can be decided; \(name.rawValue) of \(subject) is \(profile.status.rawValue).")
    }
    if verdict == .approved, !profile.criteria.allComplete {
        let open = profile.criteria.pending + profile.criteria.required + profile.criteria.errors.map(\.name)
        throw .invalid(
            "\(name.rawValue) can be approved only when every criterion is complete; not complete: "
                + open.joined(separator: ", ") + "."
        )
    }
    // Four eyes: whoever accepted one of the profile's documents does not also decide it.
    if context.fourEyes, let actor = context.actor,
       let reviewed = customer.acceptedDocuments(of: subject).first(where: { $0.reviewedBy == actor }) {
        throw .fourEyes(
            "\(actor) accepted document \(reviewed.id) of this profile, so another API key must decide \(name.rawValue) of \(subject)."
        )
    }
    return [.verificationProfileStatusChanged(VerificationProfileStatusChanged(
        profile: name, subject: subject, from: profile.status, to: verdict == .approved ? .approved : .rejected,
        reason: .reviewDecision, detail: decision.detail, decidedBy: context.actor, rulesVersion: context.rulesVersion,
        evidence: customer.evidence(of: subject), changedAt: context.timestamp
    ))]
}
