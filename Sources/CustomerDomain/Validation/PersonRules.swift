import JSON
/// Rules for the parts that describe a person: address, personal information
/// and its tax identification trio.
extension ValidationReport {
    mutating func checkAddress(_ address: Address, at pointer: String) {
        require(address.line1, at: jsonPointer(pointer, "line1"))
        notBlank(address.line2, at: jsonPointer(pointer, "line2"))
        require(address.city, at: jsonPointer(pointer, "city"))
        checkCountry(address.country, at: jsonPointer(pointer, "country"), required: true)
        // US addresses cannot be delivered to, or matched against records,
        // without a state and ZIP code.
        if address.country == "USA" {
            require(address.state, at: jsonPointer(pointer, "state"))
            require(address.postalCode, at: jsonPointer(pointer, "postalCode"))
        } else {
            notBlank(address.state, at: jsonPointer(pointer, "state"))
            notBlank(address.postalCode, at: jsonPointer(pointer, "postalCode"))
        }
    }

    /// A person's information. `addressPointer` names where the address
    /// would be, and `hasAddress` whether one is given: a tax identification
    /// is only accepted together with an address.
    mutating func checkPersonalInformation(
        _ information: PersonalInformation,
        at pointer: String,
        today: CalendarDate,
        hasAddress: Bool,
        addressPointer: String
    ) {
        notBlank(information.firstName, at: jsonPointer(pointer, "firstName"))
        notBlank(information.lastName, at: jsonPointer(pointer, "lastName"))
        notBlank(information.middleName, at: jsonPointer(pointer, "middleName"))
        checkDate(information.dateOfBirth, at: jsonPointer(pointer, "dateOfBirth"), before: today)
        notBlank(information.gender, at: jsonPointer(pointer, "gender"))
        for (field, value) in [
            ("nationality", information.nationality), ("countryOfBirth", information.countryOfBirth),
            ("residencyCountry", information.residencyCountry),
        ] {
            checkCountry(value, at: jsonPointer(pointer, field), required: false)
        }
        if let code = information.occupationSocCode, !Self.isSOCCode(code) {
            malformed(jsonPointer(pointer, "occupationSocCode"), "must be a SOC code written NN-NNNN, such as 15-1252")
        }
        notBlank(information.sourceOfFunds, at: jsonPointer(pointer, "sourceOfFunds"))
        checkTaxIdentification(information, at: pointer, hasAddress: hasAddress, addressPointer: addressPointer)
    }

    mutating func checkTaxIdentification(
        _ information: PersonalInformation,
        at pointer: String,
        hasAddress: Bool,
        addressPointer: String
    ) {
        guard information.mentionsTaxIdentification else { return }
        let required = "is required when any tax identification field is given"
        let numberPointer = jsonPointer(pointer, "taxIdentificationNumber")
        let typePointer = jsonPointer(pointer, "taxIdentificationNumberType")
        let countryPointer = jsonPointer(pointer, "taxIdentificationNumberCountry")

        if information.taxIdentificationNumber == nil {
            malformed(numberPointer, required)
        } else {
            notBlank(information.taxIdentificationNumber, at: numberPointer)
        }
        if let type = information.taxIdentificationNumberType {
            checkVocabulary(type, at: typePointer)
        } else {
            malformed(typePointer, required)
        }
        if information.taxIdentificationNumberCountry == nil {
            malformed(countryPointer, required)
        } else {
            checkCountry(information.taxIdentificationNumberCountry, at: countryPointer, required: true)
        }
        if information.taxIdentificationNumberType == .other {
            require(
                information.taxIdentificationNumberDescription,
                at: jsonPointer(pointer, "taxIdentificationNumberDescription")
            )
        }
        if !hasAddress {
            malformed(addressPointer, "is required when a tax identification is given")
        }
        // Each country issues its own kinds of number (US persons: an SSN or an ITIN only).
        if let country = information.taxIdentificationNumberCountry,
           let type = information.taxIdentificationNumberType, type.isKnown,
           let accepted = TaxIdentificationTypes.accepted(in: country), !accepted.contains(type) {
            violated(
                typePointer,
                "must be \(accepted.map(\.rawValue).joined(separator: ", ")) when the tax identification country is \(country) (it is \(type))")
        }
    }

    /// `NN-NNNN`: two digits, a hyphen, four digits.
    static func isSOCCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 7, bytes[2] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 2 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
    }

    mutating func checkMeta(_ meta: Meta?, at pointer: String) {
        guard let meta else { return }
        if meta.values.count > Meta.maximumKeys {
            malformed(pointer, "has \(meta.values.count) keys; at most \(Meta.maximumKeys) are allowed")
        }
        for key in meta.values.keys.sorted() {
            let keyPointer = jsonPointer(pointer, key)
            guard let value = meta.values[key] else { continue }
            if key.isEmpty || TextLength.exceeds(key, Meta.maximumKeyLength) {
                malformed(keyPointer, "keys must be 1 to \(Meta.maximumKeyLength) characters long")
            } else if !value.isPrimitive {
                malformed(keyPointer, "must be null, a boolean, a number or a string (not an object or array)")
            } else if case .string(let text) = value, TextLength.exceeds(text, Meta.maximumStringLength) {
                malformed(keyPointer, "must be at most \(Meta.maximumStringLength) characters long")
            }
        }
    }

    mutating func checkRepresentationDetails(_ details: RepresentationDetails, at pointer: String, today: CalendarDate) {
        for (index, role) in (details.roles ?? []).enumerated() {
            checkVocabulary(role, at: jsonPointer(jsonPointer(pointer, "roles"), index))
        }
        if let ownership = details.ownershipPercentage, RepresentationDetails.basisPoints(of: ownership) == nil {
            malformed(
                jsonPointer(pointer, "ownershipPercentage"),
                "must be a number from \"0\" to \"100\" with at most two decimals, written as a string"
            )
        }
        let established = jsonPointer(pointer, "relationshipEstablishedAt")
        checkDate(details.relationshipEstablishedAt, at: established)
        if let text = details.relationshipEstablishedAt, let date = CalendarDate(text), date > today {
            malformed(established, "must not be in the future")
        }
        notBlank(details.title, at: jsonPointer(pointer, "title"))
    }
}
