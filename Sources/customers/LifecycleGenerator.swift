import CustomerDomain
import EventStore
import Foundation

/// Realistic customer streams for benchmarks, decided by the real domain: individuals who
/// upload an identity document (sometimes rejected, then uploaded again) and a liveness report
/// and get approved; businesses with two owners who go through the same, plus the business's
/// own documents. Seeded, so a run can be repeated.
struct LifecycleGenerator {
    private var random: SplitMix64
    private var clock: Date

    init(seed: UInt64, start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        random = SplitMix64(seed: seed)
        clock = start
    }

    /// One customer's whole stream, ready to append.
    mutating func nextCustomer() throws -> (id: CustomerID, events: [CustomerEvent]) {
        let id = CustomerID(randomBytes: bytes())!
        var run = StreamRun(id: id)
        if random.next() % 4 == 0 {
            try business(&run)
        } else {
            try individual(&run)
        }
        return (id, run.events)
    }

    /// A stream of at least `count` events for one individual: a long-lived customer whose
    /// documents are uploaded and reviewed again and again (for time-travel measurements).
    mutating func longStream(events count: Int) throws -> (id: CustomerID, events: [CustomerEvent]) {
        let id = CustomerID(randomBytes: bytes())!
        var run = StreamRun(id: id)
        try run.apply(.createIndividual(id: id, person(email: "long.\(id.rawValue.suffix(8))@example.com")), at: tick())
        while run.events.count < count {
            let document = DocumentID(randomBytes: bytes())!
            try run.apply(.recordDocumentUpload(id: document, upload(.passport, for: id.rawValue)), at: tick())
            try run.apply(.reviewDocument(id: document, DocumentReview(decision: .rejected, detail: "Expired.")), at: tick())
        }
        return (id, run.events)
    }

    private mutating func individual(_ run: inout StreamRun) throws {
        let id = run.id.rawValue
        try run.apply(.createIndividual(id: run.id, person(email: "person.\(id.suffix(12))@example.com")), at: tick())
        try verifyPerson(&run, target: id, kind: .customer, subject: .customer(run.id))
    }

    private mutating func business(_ run: inout StreamRun) throws {
        let id = run.id.rawValue
        try run.apply(.createBusiness(id: run.id, NewBusiness(
            email: "finance.\(id.suffix(12))@example.com", phone: "+1415555\(4000 + random.next() % 5000)",
            addresses: [
                Address(type: .registered, line1: "1 Main St", city: "Wilmington", state: "DE", postalCode: "19801", country: "USA"),
                Address(type: .operating, line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606", country: "USA"),
            ],
            businessInformation: BusinessInformation(
                legalName: "Company \(id.suffix(6)) Inc", tradeName: "Company \(id.suffix(6))", entityType: .corporation,
                naicsCode: "541511", incorporatedOn: "2015-06-01", identificationNumberType: "ein",
                identificationNumber: "12-\(3_000_000 + random.next() % 6_000_000)"))), at: tick())
        var representatives: [RepresentativeID] = []
        for share in ["60", "40"] {
            let representative = RepresentativeID(randomBytes: bytes())!
            representatives.append(representative)
            try run.apply(.addRepresentative(id: representative, NewRepresentative(
                email: "owner.\(representative.rawValue.suffix(10))@example.com", phone: "+1415555\(1000 + random.next() % 2000)",
                address: Address(line1: "1603 Orrington Ave", city: "Evanston", state: "IL", postalCode: "60201", country: "USA"),
                personalInformation: taxed(PersonalInformation(firstName: "Owner", lastName: String(representative.rawValue.suffix(5)))),
                representationDetails: RepresentationDetails(roles: [.ubo], ownershipPercentage: share))), at: tick())
        }
        for type in DocumentType.forBusinesses {
            let document = DocumentID(randomBytes: bytes())!
            try run.apply(.recordDocumentUpload(id: document, upload(type, for: id)), at: tick())
            try run.apply(.reviewDocument(id: document, DocumentReview(decision: .accepted)), at: tick())
        }
        for representative in representatives {
            let proof = DocumentID(randomBytes: bytes())!
            try run.apply(.recordDocumentUpload(
                id: proof, upload(.proofOfAddress, for: representative.rawValue, target: .businessRepresentative)), at: tick())
            try run.apply(.reviewDocument(id: proof, DocumentReview(decision: .accepted)), at: tick())
            try verifyPerson(&run, target: representative.rawValue, kind: .businessRepresentative, subject: .representative(representative))
        }
        try run.apply(.decideProfile(.kybProfileA, subject: .customer(run.id), ProfileDecision(decision: .approved)), at: tick())
    }

    /// Identity document (a third are rejected once and uploaded again), liveness report,
    /// reviews, and the profile decision.
    private mutating func verifyPerson(_ run: inout StreamRun, target: String, kind: DocumentTarget, subject: ProfileSubject) throws {
        var identity = DocumentID(randomBytes: bytes())!
        try run.apply(.recordDocumentUpload(id: identity, upload(.passport, for: target, target: kind)), at: tick())
        let liveness = DocumentID(randomBytes: bytes())!
        try run.apply(.recordDocumentUpload(id: liveness, upload(.livenessReport, for: target, target: kind)), at: tick())
        if random.next() % 3 == 0 {
            try run.apply(.reviewDocument(id: identity, DocumentReview(decision: .rejected, detail: "The photo is blurry.")), at: tick())
            identity = DocumentID(randomBytes: bytes())!
            try run.apply(.recordDocumentUpload(id: identity, upload(.passport, for: target, target: kind)), at: tick())
        }
        try run.apply(.reviewDocument(id: identity, DocumentReview(decision: .accepted)), at: tick())
        try run.apply(.reviewDocument(id: liveness, DocumentReview(decision: .accepted)), at: tick())
        let profile: ProfileName = kind == .customer ? .kycProfileA : .uboKycProfileA
        try run.apply(.decideProfile(profile, subject: subject, ProfileDecision(decision: .approved)), at: tick())
    }

    private mutating func person(email: String) -> NewIndividual {
        NewIndividual(
            email: email, phone: "+1415555\(1000 + random.next() % 9000)",
            address: Address(line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606", country: "USA"),
            personalInformation: taxed(PersonalInformation(firstName: "Jane", lastName: "Smith \(random.next() % 1000)")))
    }

    private mutating func taxed(_ person: PersonalInformation) -> PersonalInformation {
        var person = person
        person.dateOfBirth = "1990-04-12"
        person.taxIdentificationNumber = String(format: "%03d-%02d-%04d", 100 + random.next() % 800, 10 + random.next() % 89, random.next() % 10_000)
        person.taxIdentificationNumberType = .ssn
        person.taxIdentificationNumberCountry = "USA"
        return person
    }

    private mutating func upload(_ type: DocumentType, for target: String, target kind: DocumentTarget = .customer) -> DocumentUpload {
        DocumentUpload(
            targetId: target, target: kind, documentType: type, country: type.isGovernmentIssued ? "USA" : nil,
            fileName: "\(type.rawValue).pdf", fileSize: 40_000 + Int(random.next() % 60_000), mimeType: "application/pdf",
            sha256: (0..<4).map { _ in String(format: "%016llx", random.next()) }.joined())
    }

    private mutating func tick() -> Date {
        clock += Double(30 + random.next() % 3_600)
        return clock
    }

    private mutating func bytes() -> [UInt8] {
        let high = random.next(), low = random.next()
        return (0..<8).map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) }
    }
}

/// The events of one stream so far, decided command by command.
private struct StreamRun {
    let id: CustomerID
    var state = CustomerState.initial
    var events: [CustomerEvent] = []

    init(id: CustomerID) { self.id = id }

    mutating func apply(_ command: CustomerCommand, at time: Date) throws {
        let emitted = try decide(command, state: state, context: CommandContext(now: time))
        state = fold(emitted, from: state)
        events += emitted
    }
}

/// A small seeded generator, so a benchmark's data can be made again.
struct SplitMix64 {
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
