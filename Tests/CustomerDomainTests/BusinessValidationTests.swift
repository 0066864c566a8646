import JSON
import Testing
@testable import CustomerDomain

@Suite struct BusinessValidationTests {
    static let cases: [Case<NewBusiness>] = [
        Case("the example business is valid", .valid) { _ in },
        Case("a business needs no addresses at creation", .valid) { $0.addresses = nil },
        Case("a business needs no business information at creation", .valid) { $0.businessInformation = nil },
        Case("NAICS code of 6 digits is accepted", .valid) { $0.businessInformation?.naicsCode = "111110" },
        Case("NAICS code of 5 digits is refused", .failed("/businessInformation/naicsCode")) {
            $0.businessInformation?.naicsCode = "54151"
        },
        Case("NAICS code of 7 digits is refused", .failed("/businessInformation/naicsCode")) {
            $0.businessInformation?.naicsCode = "5415111"
        },
        Case("NAICS code with a letter is refused", .failed("/businessInformation/naicsCode")) {
            $0.businessInformation?.naicsCode = "54151a"
        },
        Case("unknown entity type is refused", .failed("/businessInformation/entityType")) {
            $0.businessInformation?.entityType = "cooperative"
        },
        Case("incorporation in the future is refused", .failed("/businessInformation/incorporatedOn")) {
            $0.businessInformation?.incorporatedOn = "2030-01-01"
        },
        Case("incorporation on an impossible day is refused", .failed("/businessInformation/incorporatedOn")) {
            $0.businessInformation?.incorporatedOn = "2015-13-01"
        },
        Case("two registered addresses are refused", .failed("/addresses/1/type")) {
            $0.addresses?[1].type = .registered
        },
        Case("an address without a type is refused", .failed("/addresses/0/type")) { $0.addresses?[0].type = nil },
        Case("an address of an unknown type is refused", .failed("/addresses/0/type")) { $0.addresses?[0].type = "billing" },
        Case("a USA address without state is refused", .failed("/addresses/1/state")) { $0.addresses?[1].state = nil },
        Case("an unknown country is refused", .failed("/addresses/0/country")) { $0.addresses?[0].country = "ABC" },
        Case("a phone of 6 digits is refused", .failed("/phone")) { $0.phone = "+123456" },
        Case("meta with 51 keys is refused", .failed("/meta")) {
            $0.meta = Meta(Dictionary(uniqueKeysWithValues: (0...50).map { ("k\($0)", JSONTree.null) }))
        },
    ]

    @Test(arguments: cases)
    func businessCreationRule(_ rule: Case<NewBusiness>) {
        let body = rule.applied(to: Fixtures.acme)
        #expect(Outcome(body.validate(now: Fixtures.now)) == rule.expected)
    }
}

@Suite struct RepresentativeValidationTests {
    static let cases: [Case<NewRepresentative>] = [
        Case("a representative owning 25% is valid", .valid) { _ in },
        Case("ownership of 100 is accepted", .valid) { $0.representationDetails?.ownershipPercentage = "100" },
        Case("ownership of 0 is accepted", .valid) { $0.representationDetails?.ownershipPercentage = "0" },
        Case("ownership with two decimals is accepted", .valid) { $0.representationDetails?.ownershipPercentage = "12.25" },
        Case("ownership of 101 is refused", .failed("/representationDetails/ownershipPercentage")) {
            $0.representationDetails?.ownershipPercentage = "101"
        },
        Case("ownership of 100.01 is refused", .failed("/representationDetails/ownershipPercentage")) {
            $0.representationDetails?.ownershipPercentage = "100.01"
        },
        Case("negative ownership is refused", .failed("/representationDetails/ownershipPercentage")) {
            $0.representationDetails?.ownershipPercentage = "-1"
        },
        Case("ownership in words is refused", .failed("/representationDetails/ownershipPercentage")) {
            $0.representationDetails?.ownershipPercentage = "half"
        },
        Case("an unknown role is refused", .failed("/representationDetails/roles/1")) {
            $0.representationDetails?.roles = [.director, "owner"]
        },
        Case("a relationship established tomorrow is refused", .failed("/representationDetails/relationshipEstablishedAt")) {
            $0.representationDetails?.relationshipEstablishedAt = "2026-03-10"
        },
        Case("a representative needs an address", .failed("/address")) { $0.address = nil },
        Case("a USA representative with a passport tax number breaks the USA rule",
             .invalid("/personalInformation/taxIdentificationNumberType")) {
            $0.personalInformation?.taxIdentificationNumberType = .passport
        },
    ]

    @Test(arguments: cases)
    func representativeRule(_ rule: Case<NewRepresentative>) {
        let body = rule.applied(to: Fixtures.representative(named: "Ann", owning: "25"))
        #expect(Outcome(body.validate(now: Fixtures.now)) == rule.expected)
    }

    static let ownershipCases: [(first: String, second: String, expected: Outcome)] = [
        ("60", "40", .valid),
        ("60", "41", .invalid("/representationDetails/ownershipPercentage")),
        ("99.99", "0.01", .valid),
        ("99.99", "0.02", .invalid("/representationDetails/ownershipPercentage")),
    ]

    @Test(arguments: ownershipCases)
    func ownershipOfAllRepresentativesAddsUpToAtMostAHundred(first: String, second: String, expected: Outcome) throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        try scenario.run(.addRepresentative(id: Fixtures.representativeID(10), Fixtures.representative(named: "Ann", owning: first)))
        let second = CustomerCommand.addRepresentative(
            id: Fixtures.representativeID(11), Fixtures.representative(named: "Bob", owning: second)
        )
        #expect(Outcome(deciding: second, on: scenario.state) == expected)
    }

    @Test func updatingARepresentativeCountsItsOwnShareOnlyOnce() throws {
        var scenario = Scenario()
        let ann = Fixtures.representativeID(10)
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "90")))
        let update = RepresentativeUpdate(representationDetails: RepresentationDetails(roles: [.ubo], ownershipPercentage: "100"))
        #expect(Outcome(deciding: .updateRepresentative(id: ann, update), on: scenario.state) == .valid)
    }
}

@Suite struct DocumentValidationTests {
    static let cases: [Case<DocumentUpload>] = [
        Case("a passport with its country is valid", .valid) { _ in },
        Case("a government id without its country is refused", .failed("/country")) { $0.country = nil },
        Case("a liveness report needs no country", .valid) {
            $0.documentType = .livenessReport
            $0.country = nil
        },
        Case("an unknown document type is refused", .failed("/documentType")) { $0.documentType = "selfie" },
        Case("an unknown target is refused", .failed("/target")) { $0.target = "company" },
        Case("an unknown side is refused", .failed("/side")) { $0.side = "left" },
        Case("a text file is refused", .failed("/mimeType")) { $0.mimeType = "text/plain" },
        Case("a HEIC photo is accepted", .valid) { $0.mimeType = "image/heic" },
        Case("a file of exactly 15 MB is accepted", .valid) { $0.fileSize = 15 * 1024 * 1024 },
        Case("a file over 15 MB is refused", .failed("/fileSize")) { $0.fileSize = 15 * 1024 * 1024 + 1 },
        Case("an empty file is refused", .failed("/fileSize")) { $0.fileSize = 0 },
        Case("a short hash is refused", .failed("/sha256")) { $0.sha256 = "abc" },
        Case("an uppercase hash is refused", .failed("/sha256")) { $0.sha256 = String(repeating: "AB", count: 32) },
        Case("a missing file name is refused", .failed("/fileName")) { $0.fileName = nil },
    ]

    @Test(arguments: cases)
    func documentUploadRule(_ rule: Case<DocumentUpload>) {
        let upload = rule.applied(to: Fixtures.upload(.passport, for: Fixtures.customerID.rawValue))
        #expect(Outcome(upload.validate()) == rule.expected)
    }

    static let fitCases: [(customer: CustomerType, target: DocumentTarget, type: DocumentType, fits: Bool)] = [
        (.individual, .customer, .passport, true),
        (.individual, .customer, .livenessReport, true),
        (.individual, .customer, .incorporationCert, false),
        (.individual, .customer, .proofOfAddress, false),
        (.business, .customer, .incorporationCert, true),
        (.business, .customer, .shareholderRegistry, true),
        (.business, .customer, .proofOfAddress, true),
        (.business, .customer, .passport, false),
        (.business, .businessRepresentative, .passport, true),
        (.business, .businessRepresentative, .proofOfAddress, true),
        (.business, .businessRepresentative, .shareholderRegistry, false),
    ]

    @Test(arguments: fitCases)
    func documentTypeMustFitItsTarget(customer: CustomerType, target: DocumentTarget, type: DocumentType, fits: Bool) throws {
        var scenario = Scenario()
        let ann = Fixtures.representativeID(10)
        let targetId: String
        switch customer {
        case .individual:
            try scenario.run(.createIndividual(id: Fixtures.customerID, Fixtures.janeSmith))
            targetId = Fixtures.customerID.rawValue
        case .business:
            try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
            try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "25")))
            targetId = target == .customer ? Fixtures.businessID.rawValue : ann.rawValue
        }
        let command = CustomerCommand.recordDocumentUpload(
            id: Fixtures.documentID(50), Fixtures.upload(type, for: targetId, target: target)
        )
        #expect(Outcome(deciding: command, on: scenario.state) == (fits ? .valid : .invalid("/documentType")))
    }

    @Test func aDocumentForAnUnknownRepresentativeIsNotFound() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        let upload = Fixtures.upload(.passport, for: Fixtures.representativeID(99).rawValue, target: .businessRepresentative)
        #expect(throws: CustomerError.notFound(.representative(Fixtures.representativeID(99)))) {
            try decide(.recordDocumentUpload(id: Fixtures.documentID(50), upload), state: scenario.state, context: Fixtures.context)
        }
    }
}
