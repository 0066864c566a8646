import Foundation
import Testing
@testable import CustomerDomain

@Suite struct ViewTests {
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func jane() throws -> Scenario {
        var scenario = Scenario()
        var body = Fixtures.janeSmith
        body.meta = ["crmId": .string("C-42")]
        try scenario.run(.createIndividual(id: Fixtures.customerID, body))
        return scenario
    }

    @Test func anIndividualRendersAsTheContractShowsIt() throws {
        let view = try #require(CustomerView(try jane().state))
        #expect(try json(view) == """
        {"address":{"city":"Chicago","country":"USA","line1":"233 S Wacker Dr","postalCode":"60601","state":"IL"},\
        "createdAt":"2026-03-09T20:46:32.305Z","dateOfBirth":"1990-04-12","email":"jane.smith@example.com","firstName":"Jane",\
        "id":"\(Fixtures.customerID)","lastName":"Smith","meta":{"crmId":"C-42"},\
        "personalInformation":{"dateOfBirth":"1990-04-12","firstName":"Jane","lastName":"Smith",\
        "taxIdentificationNumberCountry":"USA","taxIdentificationNumberType":"ssn"},\
        "phone":"+14155550123","type":"individual","updatedAt":"2026-03-09T20:46:32.305Z",\
        "verificationProfiles":[{"criteria":{"complete":["email_address","phone_number","residential_address","tax_identification_number"],\
        "errors":[],"pending":[],"required":["identity_document","liveness_report_document"]},"name":"kyc_profile_a","status":"incomplete"}]}
        """)
    }

    @Test func theTaxIdentificationNumberIsNeverShown() throws {
        var scenario = try jane()
        #expect(try !json(CustomerView(scenario.customer)).contains("123-45-6789"))
        try scenario.run(.updateIndividual(IndividualUpdate(personalInformation: PersonalInformation(middleName: "Ann"))))
        #expect(try !json(CustomerView(scenario.customer)).contains("123-45-6789"))
    }

    @Test func aBusinessShowsItsNamesAndAddressesButNoPersonalFields() throws {
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        let text = try json(CustomerView(scenario.customer))
        #expect(text.contains(#""businessLegalName":"Acme Corporation","businessTradeName":"Acme""#))
        #expect(text.contains(#""addresses":[{"city":"Wilmington""#))
        #expect(!text.contains("firstName"))
        #expect(!text.contains(#""address":"#))
        #expect(!text.contains("meta"))
    }

    @Test func aRepresentativeShowsItsOwnProfileWithoutItsTaxNumber() throws {
        var scenario = Scenario()
        let ann = Fixtures.representativeID(10)
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        try scenario.run(.addRepresentative(id: ann, Fixtures.representative(named: "Ann", owning: "25")))
        let views = BusinessRepresentativeView.all(in: scenario.state)
        #expect(views.map(\.id) == [ann])
        #expect(views.first?.verificationProfiles.map(\.name) == [.uboKycProfileA])
        #expect(try !json(views).contains("987-65-4321"))
    }

    @Test func aDocumentShowsItsMetadataAndReviewStatus() throws {
        var scenario = try jane()
        try scenario.run(.recordDocumentUpload(id: Fixtures.documentID(1), Fixtures.upload(.passport, for: Fixtures.customerID.rawValue)))
        try scenario.run(.reviewDocument(id: Fixtures.documentID(1), DocumentReview(decision: .accepted)))
        let view = DocumentView(try #require(scenario.customer.document(Fixtures.documentID(1))))
        #expect(try json(view) == """
        {"canonicalDocumentType":"passport","country":"USA","createdAt":"2026-03-09T20:46:33.305Z","documentType":"passport","fileName":"passport.pdf",\
        "fileSize":48213,"id":"\(Fixtures.documentID(1))","mimeType":"application/pdf","sha256":"\(String(repeating: "ab", count: 32))",\
        "status":"accepted","target":"customer","targetId":"\(Fixtures.customerID)"}
        """)
    }

    @Test func aValidationFailureBecomesProblemDetailsWithPointers() throws {
        var body = Fixtures.janeSmith
        body.phone = "+123456"
        let error = try #require(throws: CustomerError.self) {
            try decide(.createIndividual(id: Fixtures.customerID, body), state: .initial, context: Fixtures.context)
        }
        let problem = ProblemDetails(error, correlationId: "req-1")
        #expect(problem.status == 422)
        #expect(try json(problem).hasPrefix(#"{"code":"validation/failed","correlationId":"req-1","detail":"1 field is missing or malformed.","errors":[{"detail":"must be an E.164"#))
        #expect(problem.errors.map(\.pointer) == ["/phone"])
    }

    @Test(arguments: [
        (CustomerError.invalid("no"), 400),
        (CustomerError.notFound(.customer(nil)), 404),
        (CustomerError.validationFailed([]), 422),
        (CustomerError.alreadyExists(Fixtures.customerID), 400),
    ])
    func everyDomainErrorMapsToItsContractStatus(error: CustomerError, status: Int) {
        #expect(ProblemDetails(error, correlationId: "c").status == status)
    }

    @Test func paginationCountsPagesAndNeighbours() {
        #expect(Pagination(page: 2, limit: 10, total: 25) == Pagination(page: 2, limit: 10, total: 25))
        let middle = Pagination(page: 2, limit: 10, total: 25)
        #expect((middle.totalPages, middle.hasNext, middle.hasPrevious) == (3, true, true))
        let last = Pagination(page: 3, limit: 10, total: 25)
        #expect((last.hasNext, last.hasPrevious) == (false, true))
        #expect(Pagination(page: 1, limit: 10, total: 0).totalPages == 0)
    }
}
