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
        customerId: id, email: email, phone: phone, address: address,
        personalInformation: body.personalInformation, meta: body.meta, createdAt: context.timestamp
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
        customerId: id, email: email, phone: phone, addresses: body.addresses ?? [],
        businessInformation: body.businessInformation, meta: body.meta, createdAt: context.timestamp
    ))]
}

/// The personal fields that identify a person. Once the profile has left
/// `incomplete`, a reviewer has looked at them (or is about to), so changing
/// them would change who was verified.
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

func decideUpdate(
    _ update: IndividualUpdate, of customer: Customer, context: CommandContext
) throws(CustomerError) -> [CustomerEvent] {
    guard customer.type == .individual else {
        throw .invalid("Only individual customers can be updated; customer \(customer.id) is a business.")
    }
    var report = update.validate(now: context.now, current: customer.personalInformation)
    let current = customer.personalInformation ?? PersonalInformation()
    if let patch = update.personalInformation, customer.profileStatus != .incomplete {
        for field in identityFields {
            if let wanted = field.value(patch), wanted != field.value(current) {
                report.violated(
                    jsonPointer("/personalInformation", field.name),
                    "can no longer change: \(customer.profileName.rawValue) is \(customer.profileStatus.rawValue)"
                )
            }
        }
    }
    try report.check()
    guard update.address != nil || update.personalInformation != nil || update.meta != nil else { return [] }
    return [.individualCustomerUpdated(IndividualCustomerUpdated(
        address: update.address,
        personalInformation: update.personalInformation.map(current.patched(with:)),
        meta: update.meta,
        updatedAt: context.timestamp
    ))]
}
