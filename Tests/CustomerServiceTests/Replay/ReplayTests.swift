import CustomerDomain
import Foundation
import Testing
@testable import CustomerService

@Suite struct ReplayTests {
    let jane = ReplayFixtures.janeID.rawValue

    @Test func replayFromAnExportPrintsExactlyWhatALiveReplayPrints() throws {
        for stream in [try ReplayFixtures.janeStream(), try ReplayFixtures.acmeStream()] {
            let live = Replay.text(of: try Replay.steps(stream.events))
            let exported = try ExportFormat.read(ExportFormat.text(for: stream.events))
            let fromFile = Replay.text(of: try Replay.steps(exported))
            #expect(Array(fromFile.utf8) == Array(live.utf8))
            #expect(try Replay.steps(exported) == (try Replay.steps(stream.events)))
        }
    }

    @Test func anUploadMovesTheIdentityDocumentFromRequiredToPending() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        let upload = steps[1]
        #expect(upload.type == "DocumentUploaded")
        #expect(upload.criterionMoves == [CriterionMove(
            profile: .kycProfileA, subjectId: jane, criterion: "identity_document",
            from: CriterionPlace(list: .required), to: CriterionPlace(list: .pending))])
        #expect(upload.statusChanges.isEmpty)
    }

    @Test func aStepPrintsItsHeaderFieldsAndCriteria() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        let document = ReplayFixtures.documentID(1).rawValue
        #expect(steps[1].text() == """
            v2 DocumentUploaded  2026-03-09T20:47:32.305Z  by ops-key
              /documents/\(document): added (passport, pending)
              kyc_profile_a (\(jane)): identity_document required → pending

            """)
    }

    @Test func theLastRequiredDocumentMakesTheProfilePending() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        #expect(steps[2].criterionMoves.map(\.criterion) == ["liveness_report_document"])
        let change = steps[3]
        #expect(change.type == "VerificationProfileStatusChanged")
        #expect(change.statusChanges == [StatusChange(profile: .kycProfileA, subjectId: jane, from: .incomplete, to: .pending)])
        #expect(change.statusChanges.map(\.shortText) == ["kyc_profile_a incomplete → pending"])
        #expect(change.fieldChanges.isEmpty)
        #expect(change.text().contains("kyc_profile_a (\(jane)): status incomplete → pending"))
    }

    @Test func aRejectionMovesTheCriterionToErrorsWithTheReviewersDetail() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        let review = steps[4]
        let document = ReplayFixtures.documentID(1).rawValue
        #expect(review.actor == "reviewer-key")
        #expect(review.fieldChanges == [FieldChange(
            path: "/documents/\(document)/status", kind: .changed, before: #""pending""#, after: #""rejected""#)])
        #expect(review.criterionMoves.map(\.text) == [
            #"kyc_profile_a (\#(jane)): identity_document pending → errors ("The photo is blurry.")"#,
        ])
        #expect(steps[5].statusChanges.map(\.shortText) == ["kyc_profile_a pending → incomplete"])
    }

    @Test func aMoveShowsEachChangedAddressField() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        #expect(steps[6].fieldChanges.map(\.text) == [
            #"/address/city: "Chicago" → "Evanston""#,
            #"/address/line1: "233 S Wacker Dr" → "1603 Orrington Ave""#,
            #"/address/postalCode: "60606" → "60201""#,
        ])
        #expect(steps[6].criterionMoves.isEmpty)
    }

    @Test func creationShowsEveryFieldAndTheNewProfile() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        let paths = steps[0].fieldChanges.map(\.path)
        #expect(paths == paths.sorted())
        #expect(paths.contains("/email") && paths.contains("/address/city") && paths.contains("/firstName"))
        #expect(!paths.contains("/updatedAt"))
        #expect(!paths.contains { $0.hasPrefix("/verificationProfiles") })
        #expect(steps[0].criterionMoves.map(\.criterion) == ProfileTables.kyc.criterionNames)
        #expect(steps[0].statusChanges == [StatusChange(profile: .kycProfileA, subjectId: jane, from: nil, to: .incomplete)])
    }

    @Test func representativeChangesAreNamedByTheirId() throws {
        let steps = try Replay.steps(try ReplayFixtures.acmeStream().events)
        let john = ReplayFixtures.representativeID(7).rawValue
        let added = try #require(steps.first { $0.type == "BusinessRepresentativeAdded" })
        #expect(added.fieldChanges == [FieldChange(
            path: "/representatives/\(john)", kind: .added, before: nil, after: "(John Doe, john@acme.example)")])
        #expect(added.statusChanges.contains(StatusChange(profile: .uboKycProfileA, subjectId: john, from: nil, to: .incomplete)))

        let updated = try #require(steps.first { $0.type == "BusinessRepresentativeUpdated" })
        #expect(updated.fieldChanges.map(\.text) == [
            #"/representatives/\#(john)/email: "john@acme.example" → "john.doe@acme.example""#,
        ])
    }

    @Test func replayStopsAtTheRequestedVersion() throws {
        let events = try ReplayFixtures.janeStream().events
        let steps = try Replay.steps(events, toVersion: 3)
        #expect(steps.map(\.version) == [1, 2, 3])
        #expect(steps == Array(try Replay.steps(events).prefix(3)))
        #expect(throws: HistoryError.versionBeyondStream(requested: 9, latest: 7)) {
            try Replay.steps(events, toVersion: 9)
        }
    }

    @Test func stepsRoundTripThroughTheirJSONForm() throws {
        let steps = try Replay.steps(try ReplayFixtures.janeStream().events)
        let json = Data(try ReplayJSON.text(steps).utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return RecordedTime.parse(text) ?? .distantPast
        }
        let decoded = try decoder.decode([ReplayStep].self, from: json)
        #expect(Replay.text(of: decoded) == Replay.text(of: steps))
        #expect(String(decoding: json, as: UTF8.self).contains(#""recordedAt":"2026-03-09T20:46:31.305000Z""#))
    }
}
