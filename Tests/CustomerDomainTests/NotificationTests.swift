import Testing
@testable import CustomerDomain

/// Every event calls for exactly one notification, named as SpherePay names them.
@Suite struct NotificationTests {
    static let time = Timestamp(millisecondsSince1970: 1_773_089_191_305)
    static let jane = Fixtures.customerID
    static let ann = Fixtures.representativeID(7)
    static let passport = Fixtures.documentID(3)

    static func statusChange(_ subject: ProfileSubject, to status: ProfileStatus) -> CustomerEvent {
        .verificationProfileStatusChanged(VerificationProfileStatusChanged(
            profile: .kycProfileA, subject: subject, from: .incomplete, to: status, reason: .criteriaChanged,
            detail: nil, changedAt: time))
    }

    static let cases: [(CustomerEvent, NotificationName, DocumentID?)] = [
        (.individualCustomerUpdated(IndividualCustomerUpdated(updatedAt: time)), .customerUpdate, nil),
        (.personalDataErased(PersonalDataErased(erasedAt: time)), .customerUpdate, nil),
        (.businessRepresentativeRemoved(BusinessRepresentativeRemoved(representativeId: ann, removedAt: time)), .representativeUpdate, nil),
        (.documentReviewed(DocumentReviewed(documentId: passport, decision: .accepted, detail: nil, reviewedAt: time)), .documentUpdate, passport),
        (statusChange(.customer(jane), to: .pending), .customerKYCPending, nil),
        (statusChange(.customer(jane), to: .approved), .customerKYCSuccessful, nil),
        (statusChange(.customer(jane), to: .rejected), .customerKYCRejected, nil),
        (statusChange(.customer(jane), to: .incomplete), .customerUpdate, nil),
        (statusChange(.representative(ann), to: .approved), .representativeUpdate, nil),
    ]

    @Test(arguments: cases)
    func eachEventCallsForItsNotification(event: CustomerEvent, name: NotificationName, document: DocumentID?) {
        #expect(event.notification == NotificationOfEvent(name: name, document: document))
    }

    @Test func creationsAndUploadsAreNamedToo() throws {
        let created = try decide(.createIndividual(id: Self.jane, Fixtures.janeSmith), state: .initial, context: Fixtures.context)
        #expect(created.map(\.notification.name) == [.customerCreate])
        var scenario = Scenario()
        try scenario.run(.createBusiness(id: Fixtures.businessID, Fixtures.acme))
        let added = try scenario.run(.addRepresentative(id: Self.ann, Fixtures.representative(named: "Ann", owning: "40")))
        #expect(added.first?.notification.name == .representativeCreate)
        let uploaded = try scenario.run(.recordDocumentUpload(id: Self.passport, Fixtures.upload(.incorporationCert, for: Fixtures.businessID.rawValue)))
        #expect(uploaded.first?.notification == NotificationOfEvent(name: .documentUpdate, document: Self.passport))
    }
}
