/// Adding, changing and removing a business's representatives.

/// Representatives shape what `kyb_profile_a` reviews, so they can change
/// only while that profile is still `incomplete`.
private func requireOpenBusiness(_ customer: Customer) throws(CustomerError) {
    guard customer.type == .business else {
        throw .invalid("Only business customers have representatives; customer \(customer.id) is an individual.")
    }
    guard customer.profileStatus == .incomplete else {
        throw .invalid(
            "Representatives can change only while \(customer.profileName.rawValue) is incomplete; "
                + "it is \(customer.profileStatus.rawValue)."
        )
    }
}

/// The owners of a business cannot own more than all of it.
private func checkOwnership(
    _ details: RepresentationDetails?, excluding id: RepresentativeID?, of customer: Customer,
    into report: inout ValidationReport
) {
    guard let added = details?.ownershipBasisPoints else { return }
    let others = customer.representatives
        .filter { $0.id != id }
        .compactMap { $0.representationDetails?.ownershipBasisPoints }
        .reduce(0, +)
    if others + added > 10_000 {
        report.violated(
            "/representationDetails/ownershipPercentage",
            "the representatives would own \(percentage(others + added))% of the business; at most 100% is possible"
        )
    }
}

private func percentage(_ basisPoints: Int) -> String {
    let whole = basisPoints / 100, fraction = basisPoints % 100
    if fraction == 0 { return String(whole) }
    return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(pad(Int64(fraction), 2))"
}

func decideAddition(
    id: RepresentativeID, _ body: NewRepresentative, to customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    try requireOpenBusiness(customer)
    if customer.representative(id) != nil { throw .invalid("Business representative \(id) already exists.") }
    var report = body.validate(now: context.now)
    checkOwnership(body.representationDetails, excluding: nil, of: customer, into: &report)
    try report.check()
    guard let email = body.email, let phone = body.phone, let address = body.address else {
        throw .validationFailed([FieldProblem(pointer: "", detail: "email, phone and address are required")])
    }
    return [.businessRepresentativeAdded(BusinessRepresentativeAdded(
        representativeId: id, type: body.type ?? .individual, email: email, phone: phone,
        address: try recorded(address, at: "/address"),
        personalInformation: body.personalInformation.map(PersonDetails.init),
        representationDetails: body.representationDetails.map(Representation.init),
        addedAt: context.timestamp
    ))]
}

func decideUpdate(
    of id: RepresentativeID, _ update: RepresentativeUpdate, in customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    guard let representative = customer.representative(id) else { throw .notFound(.representative(id)) }
    try requireOpenBusiness(customer)
    var report = update.validate(now: context.now, current: representative.personalInformation?.asInput)
    checkFrozenIdentity(
        update.personalInformation, current: representative.personalInformation,
        frozenAt: representative.identityFrozenAt, profile: .uboKycProfileA, into: &report)
    checkOwnership(update.representationDetails, excluding: id, of: customer, into: &report)
    try report.check()
    // `type` is never a change: it can only say `individual` again.
    let changesSomething = update.email != nil || update.phone != nil || update.address != nil
        || update.personalInformation != nil || update.representationDetails != nil
    guard changesSomething else { return [] }
    let current = representative.personalInformation ?? PersonDetails()
    return [.businessRepresentativeUpdated(BusinessRepresentativeUpdated(
        representativeId: id, email: update.email, phone: update.phone,
        address: try update.address.map { (address) throws(CustomerError) in try recorded(address, at: "/address") },
        personalInformation: update.personalInformation.map(current.patched(with:)),
        representationDetails: update.representationDetails.map(Representation.init), updatedAt: context.timestamp
    ))]
}

func decideRemoval(
    of id: RepresentativeID, from customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    guard customer.representative(id) != nil else { throw .notFound(.representative(id)) }
    try requireOpenBusiness(customer)
    return [.businessRepresentativeRemoved(BusinessRepresentativeRemoved(representativeId: id, removedAt: context.timestamp))]
}
