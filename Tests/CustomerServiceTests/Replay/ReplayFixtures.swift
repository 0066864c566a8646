import TestSupport
import JSON
import CustomerDomain
import Foundation
@testable import CustomerService

/// Realistic inputs for the replay tests: Jane Smith of Chicago and the Acme
/// Corporation with one owner.
enum ReplayFixtures {
    /// 2026-03-09T20:46:31.305Z, the contract's example time.
    static let firstMicrosecond: Int64 = 1_773_089_191_305_000

    static func bytes(_ seed: UInt8) -> [UInt8] {
        (0..<16).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0) }
    }

    static let janeID = CustomerID(unchecked: CustomerID.prefix + "0123456789abcdef0123456789abcdef")
    static let acmeID = CustomerID(unchecked: CustomerID.prefix + "fedcba9876543210fedcba9876543210")
    static func documentID(_ seed: UInt8) -> DocumentID { DocumentID(randomBytes: bytes(seed)) ?? DocumentID(unchecked: "document_") }
    static func representativeID(_ seed: UInt8) -> RepresentativeID {
        RepresentativeID(randomBytes: bytes(seed)) ?? RepresentativeID(unchecked: "associatedPerson_")
    }

    static let ssn = "123-45-6789"

    static let chicago = ServiceInputs.chicago
    static let evanston = Address(
        line1: "1603 Orrington Ave", city: "Evanston", state: "IL", postalCode: "60201", country: "USA")

    /// The service tests' people, with the fixed emails the expected replay output shows.
    static let janeSmith = ServiceInputs.janeSmith(email: "jane.smith@example.com")
    static let acme = ServiceInputs.acme(email: "finance@acme.example")
    static let johnDoe: NewRepresentative = {
        var john = ServiceInputs.representative(named: "John", owning: "60")
        john.email = "john@acme.example"
        return john
    }()

    static func upload(_ type: DocumentType, for targetId: String, target: DocumentTarget = .customer) -> DocumentUpload {
        ServiceInputs.upload(type, for: targetId, target: target)
    }

    /// Jane's stream: created (v1), passport (v2), liveness report (v3) making
    /// her profile pending (v4), passport rejected (v5) making it incomplete
    /// again (v6), then a move to Evanston (v7).
    static func janeStream() throws -> LoggedStream {
        var stream = LoggedStream(streamId: "customer-" + janeID.rawValue)
        let jane = janeID.rawValue
        try stream.run(.createIndividual(id: janeID, janeSmith))
        try stream.run(.recordDocumentUpload(id: documentID(1), upload(.passport, for: jane)))
        try stream.run(.recordDocumentUpload(id: documentID(2), upload(.livenessReport, for: jane)))
        try stream.run(.reviewDocument(id: documentID(1), DocumentReview(decision: .rejected, detail: "The photo is blurry.")),
                       actor: "reviewer-key")
        try stream.run(.updateIndividual(IndividualUpdate(address: evanston)))
        return stream
    }

    /// Acme's stream: created, John Doe added, then his email corrected.
    static func acmeStream() throws -> LoggedStream {
        var stream = LoggedStream(streamId: "customer-" + acmeID.rawValue)
        try stream.run(.createBusiness(id: acmeID, acme))
        try stream.run(.addRepresentative(id: representativeID(7), johnDoe))
        try stream.run(.updateRepresentative(id: representativeID(7), RepresentativeUpdate(email: "john.doe@acme.example")))
        return stream
    }
}

/// Runs real commands through `decide` and `evolve` and logs their events as
/// the event store would: versions from 1, one transaction per command, one
/// recorded time (with microseconds) per transaction, metadata with the actor.
struct LoggedStream {
    let streamId: String
    var state = CustomerState.initial
    var events: [LoggedEvent] = []
    var domainEvents: [CustomerEvent] = []
    private var commandCount = 0

    init(streamId: String) {
        self.streamId = streamId
    }

    mutating func run(_ command: CustomerCommand, actor: String = "ops-key") throws {
        commandCount += 1
        let micros = ReplayFixtures.firstMicrosecond + Int64(commandCount - 1) * 61_000_123
        let recordedAt = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        let emitted = try decide(command, state: state, context: CommandContext(now: recordedAt))
        let metadata: [String: String] = [
            "actor": actor, "commandType": command.name,
            "commandId": "command-\(commandCount)", "requestId": "request-\(commandCount)",
        ]
        for event in emitted {
            state = evolve(state, event)
            domainEvents.append(event)
            let encoded = event.encoded()
            let version = Int64(events.count + 1)
            events.append(LoggedEvent(
                streamId: streamId, version: version, position: 40_000 + version * 3,
                transactionId: 900 + UInt64(commandCount), type: encoded.type,
                schemaVersion: encoded.schemaVersion, data: encoded.data,
                metadata: try CanonicalJSON.encode(metadata), recordedAt: recordedAt))
        }
    }
}
