import JSON
/// Creating customers and updating individuals.

func decideCreation(
    id: CustomerID, _ body: NewIndividual, state: CustomerState, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    if state.customer != nil { throw .alreadyExists(id) }
    try body.validate(now: context.now).check()
    guard let email = body.email, let phone = body.phone, let address = body.address else {
        throw .validationFailed([FieldProblem(pointer: "", detail: "email, phone and address are required")])
    }
    return [.individualCustomerCreated(IndividualCustomerCreated(
        customerId: id, email: email, phone: phone, address: try recorded(address, at: "/address"),
        personalInformation: body.personalInformation.map(PersonDetails.init), meta: body.meta, createdAt: context.timestamp
    ))]
}

func decideCreation(
    id: CustomerID, _ body: NewBusiness, state: CustomerState, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    if state.customer != nil { throw .alreadyExists(id) }
    try body.validate(now: context.now).check()
    guard let email = body.email, let phone = body.phone else {
        throw .validationFailed([FieldProblem(pointer: "", detail: "email and phone are required")])
    }
    return [.businessCustomerCreated(BusinessCustomerCreated(
        customerId: id, email: email, phone: phone,
        addresses: try (body.addresses ?? []).enumerated().map { (index, address) throws(CustomerError) in
            try recorded(address, at: jsonPointer("/addresses", index))
        },
        businessInformation: body.businessInformation.map(BusinessDetails.init), meta: body.meta, createdAt: context.timestamp
    ))]
}

/// The personal fields that identify a person. Once a profile has left `incomplete`, a reviewer
/// has looked at them (or is about to), so changing them would change who was verified; they
/// stay frozen even when a rejected document sends the profile back to `incomplete`.
let identityFields: [(name: String, value: @Sendable (PersonalInformation) -> String?)] = [
    ("firstName", { $0.firstName }),
    ("lastName", { $0.lastName }),
    ("middleName", { $0.middleName }),
    ("dateOfBirth", { $0.dateOfBirth }),
    ("taxIdentificationNumber", { $0.taxIdentificationNumber }),
    ("taxIdentificationNumberType", { $0.taxIdentificationNumberType?.rawValue }),
    ("taxIdentificationNumberCountry", { $0.taxIdentificationNumberCountry }),
    ("taxIdentificationNumberDescription", { $0.taxIdentificationNumberDescription }),
]

/// Reports every identity field `patch` would change while the identity is frozen.
func checkFrozenIdentity(
    _ patch: PersonalInformation?, current: PersonDetails?, frozenAt: Timestamp?, profile: ProfileName,
    into report: inout ValidationReport
) {
    guard let patch, let frozenAt else { return }
    let current = current?.asInput ?? PersonalInformation()
    for field in identityFields {
        if let wanted = field.value(patch), wanted != field.value(current) {
            report.violated(
                jsonPointer("/personalInformation", field.name),
                "can no longer change: \(profile.rawValue) left incomplete at \(frozenAt) and the identity it was submitted with stays"
            )
        }
    }
}

func decideUpdate(
    _ update: IndividualUpdate, of customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    guard customer.type == .individual else {
        throw .invalid("Only individual customers can be updated; customer \(customer.id) is a business.")
    }
    var report = update.validate(now: context.now, current: customer.personalInformation?.asInput)
    checkFrozenIdentity(
        update.personalInformation, current: customer.personalInformation, frozenAt: customer.identityFrozenAt,
        profile: customer.profileName, into: &report)
    try report.check()
    let current = customer.personalInformation ?? PersonDetails()
    guard update.address != nil || update.personalInformation != nil || update.meta != nil else { return [] }
    return [.individualCustomerUpdated(IndividualCustomerUpdated(
        address: try update.address.map { (address) throws(CustomerError) in try recorded(address, at: "/address") },
        personalInformation: update.personalInformation.map(current.patched(with:)),
        meta: update.meta,
        updatedAt: context.timestamp
    ))]
}

/// A validated request address as the log records it. Validation has required its parts, so
/// a missing one here is a refusal at the address, never a crash.
func recorded(_ address: Address, at pointer: String) throws(CustomerError) -> PostalAddress {
    guard let recorded = PostalAddress(address) else {
        throw .validationFailed([FieldProblem(pointer: pointer, detail: "line1, city and country are required")])
    }
    return recorded
}
