import JSON
@testable import CustomerDomain

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so
/// every generated history can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates commands that make sense for the current state: documents that
/// fit their target, reviews of pending documents, decisions on pending
/// profiles, representatives within the ownership left. Some still break a
/// rule now and then (a frozen name, an early approval); `decide` refuses
/// those and the history goes on.
struct CommandGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func bytes() -> [UInt8] { (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) } }

    mutating func next(for state: CustomerState) -> CustomerCommand {
        guard let customer = state.customer else {
            let id = CustomerID(randomBytes: bytes())!
            return chance(50) ? .createIndividual(id: id, individual()) : .createBusiness(id: id, business())
        }
        var options: [(inout CommandGenerator) -> CustomerCommand?] = [
            { $0.upload(for: customer) },
            { $0.upload(for: customer) },
            { $0.review(in: customer) },
            { $0.review(in: customer) },
            { $0.decision(in: customer) },
        ]
        switch customer.type {
        case .individual:
            options.append { $0.individualUpdate() }
        case .business:
            options.append { $0.representativeAddition(to: customer) }
            options.append { $0.representativeAddition(to: customer) }
            options.append { $0.representativeChange(in: customer) }
        }
        for _ in 0..<8 {
            if let command = pick(options)(&self) { return command }
        }
        return upload(for: customer) ?? .updateIndividual(IndividualUpdate())
    }

    mutating func address() -> Address {
        chance(50)
            ? Address(line1: "\(Int.random(in: 1...999, using: &random)) Main St", line2: chance(30) ? "Apt 2" : nil,
                      city: "Chicago", state: "IL", postalCode: "60601", country: "USA")
            : Address(line1: "10 Rue de Rivoli", city: "Paris", country: pick(["FRA", "DEU", "BRA", "JPN"]))
    }

    mutating func personalInformation(country: String?) -> PersonalInformation {
        var information = PersonalInformation(firstName: pick(["Jane", "Ann", "Bo"]), lastName: pick(["Smith", "Doe"]),
                                              dateOfBirth: pick(["1980-01-31", "1999-12-01", "2000-02-29"]))
        if chance(80) {
            information.taxIdentificationNumber = "\(Int.random(in: 100_000_000...999_999_999, using: &random))"
            information.taxIdentificationNumberCountry = country ?? "USA"
            // Mostly a type the country issues; now and then one it does not, which is refused.
            let issued = TaxIdentificationTypes.accepted(in: country ?? "USA") ?? TaxIdentificationTypes.universal
            information.taxIdentificationNumberType = chance(95) ? pick(issued) : pick(TaxIdentificationNumberType.known)
            if information.taxIdentificationNumberType == .other { information.taxIdentificationNumberDescription = "Local tax id" }
        }
        return information
    }

    mutating func meta() -> Meta? {
        guard chance(50) else { return nil }
        let values: [JSONTree] = [.null, .bool(chance(50)), .number(Double(Int.random(in: -5...5, using: &random)) / 4), .string("é✓")]
        return Meta(Dictionary(uniqueKeysWithValues: (0..<Int.random(in: 0...4, using: &random)).map { ("k\($0)", pick(values)) }))
    }

    mutating func individual() -> NewIndividual {
        let address = address()
        return NewIndividual(email: "person\(Int.random(in: 1...99, using: &random))@example.com", phone: "+14155550123",
                             address: address, personalInformation: chance(90) ? personalInformation(country: address.country) : nil,
                             meta: meta())
    }

    mutating func business() -> NewBusiness {
        var addresses: [Address] = []
        for type in [AddressType.registered, .operating] where chance(85) {
            var address = address()
            address.type = type
            addresses.append(address)
        }
        let information = chance(85)
            ? BusinessInformation(legalName: "Acme \(Int.random(in: 1...9, using: &random)) Ltd", entityType: pick(EntityType.known),
                                  naicsCode: "541511", incorporatedOn: "2010-05-05", identificationNumberType: "ein",
                                  identificationNumber: "12-3456789")
            : nil
        return NewBusiness(email: "office@acme.example", phone: "+442071234567", addresses: addresses,
                           businessInformation: information, meta: meta())
    }

    mutating func individualUpdate() -> CustomerCommand {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return .updateIndividual(IndividualUpdate(address: address()))
        case 1: return .updateIndividual(IndividualUpdate(meta: meta() ?? [:]))
        default: return .updateIndividual(IndividualUpdate(personalInformation: PersonalInformation(middleName: pick(["Q", "R"]))))
        }
    }

    mutating func upload(for customer: Customer) -> CustomerCommand? {
        var targets: [(DocumentTarget, String, [DocumentType])] = [
            (.customer, customer.id.rawValue, customer.type == .individual ? DocumentType.forIndividuals : DocumentType.forBusinesses),
        ]
        for representative in customer.representatives {
            targets.append((.businessRepresentative, representative.id.rawValue, DocumentType.forRepresentatives))
        }
        let (target, targetId, types) = pick(targets)
        // Mostly documents still missing, so that histories reach approval.
        let accepted = customer.documents(of: target, id: targetId).filter { $0.status == .accepted }.map(\.documentType)
        // The directors registry counts for no criterion: it is only sent now and then.
        let missing = types.filter { !accepted.contains($0) && $0 != .directorsRegistry }
        let canonical = pick(missing.isEmpty || chance(15) ? types : missing)
        // Sometimes SpherePay's spelling of the same type.
        let alias = DocumentType.aliases.first { $0.value == canonical }?.key
        let type = alias.map { chance(30) ? $0 : canonical } ?? canonical
        return .recordDocumentUpload(id: DocumentID(randomBytes: bytes())!, DocumentUpload(
            targetId: targetId, target: target, documentType: type, country: type.isGovernmentIssued ? "GBR" : nil,
            side: chance(30) ? .front : nil, fileName: "scan.png", fileSize: Int.random(in: 1...15_000_000, using: &random),
            mimeType: pick(DocumentUpload.acceptedMimeTypes), sha256: String(repeating: "0f", count: 32)
        ))
    }

    mutating func review(in customer: Customer) -> CustomerCommand? {
        let pending = customer.documents.filter { $0.status == .pending }
        guard !pending.isEmpty else { return nil }
        let document = pick(pending)
        return .reviewDocument(id: document.id, chance(70)
            ? DocumentReview(decision: .accepted)
            : DocumentReview(decision: .rejected, detail: pick(["Blurry.", "Expired.", "Name does not match."])))
    }

    mutating func decision(in customer: Customer) -> CustomerCommand? {
        let pending = customer.subjectProfiles.filter { $0.profile.status == .pending }
        guard !pending.isEmpty else { return nil }
        let chosen = pick(pending)
        // Deciding early is mostly refused or ends the profile; keep it rare.
        if !chosen.profile.criteria.allComplete, chance(85) { return nil }
        let approve = chosen.profile.criteria.allComplete ? chance(85) : chance(30)
        return .decideProfile(chosen.profile.name, subject: chosen.subject, approve
            ? ProfileDecision(decision: .approved)
            : ProfileDecision(decision: .rejected, detail: "Risk too high."))
    }

    mutating func representativeAddition(to customer: Customer) -> CustomerCommand? {
        guard customer.profileStatus == .incomplete, customer.representatives.count < 4 else { return nil }
        let owned = customer.representatives.compactMap { $0.representationDetails?.ownershipBasisPoints }.reduce(0, +)
        let share = Int.random(in: 0...(10_000 - owned), using: &random)
        let address = address()
        let details = chance(85)
            ? RepresentationDetails(roles: chance(70) ? [.ubo] : [.director, .signer],
                                    ownershipPercentage: "\(share / 100).\(share % 100 < 10 ? "0" : "")\(share % 100)",
                                    isSigner: chance(50), relationshipEstablishedAt: "2015-01-01", title: "Director")
            : nil
        return .addRepresentative(id: RepresentativeID(randomBytes: bytes())!, NewRepresentative(
            email: "rep@acme.example", phone: "+4915112345678", address: address,
            personalInformation: personalInformation(country: address.country), representationDetails: details
        ))
    }

    mutating func representativeChange(in customer: Customer) -> CustomerCommand? {
        guard customer.profileStatus == .incomplete, !customer.representatives.isEmpty else { return nil }
        let representative = pick(customer.representatives)
        if chance(30) { return .removeRepresentative(id: representative.id) }
        return .updateRepresentative(id: representative.id, RepresentativeUpdate(
            phone: chance(50) ? "+14155550177" : nil, address: chance(50) ? address() : nil,
            representationDetails: chance(40) ? RepresentationDetails(roles: [.director]) : nil
        ))
    }
}
