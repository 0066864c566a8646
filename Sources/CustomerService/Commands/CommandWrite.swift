import CustomerDomain
import EventStore
import Foundation

/// What one decided command writes, as the `Commit` the event store runs: the sealed events,
/// the read-model rows, and the records that rest on the command.
struct CommandWrite {
    let command: CustomerCommand
    let events: [CustomerEvent]
    let rendered: CustomerReadModel.Rendered?
    let expected: ExpectedVersion
    let key: PersonalDataVault.StoredKey
    let stream: String
    let request: CommandRequest
    let response: StoredResponse
    let content: DocumentContent?

    func commit(vault: PersonalDataVault) throws -> Commit {
        var claims: [Commit.Claim] = []
        var companions: [SQL] = []
        var cipher = CustomerCipher(customer: stream, key: key)
        let erasing = if case .erasePersonalData = command { true } else { false }
        if let idempotency = request.idempotency {
            // The erasure's own record comes last, after the erasure clears the earlier ones.
            claims.append(IdempotencyLog.record(
                actor: request.actor, claim: idempotency, response: response, stream: stream,
                placement: erasing ? .last : .first))
        }
        if !events.isEmpty {
            if erasing {
                companions += PersonalDataVault.forgetStatements(of: stream)
            } else if case .none = key {
                let made = try vault.newKey(for: stream)
                cipher = made.cipher
                claims.append(Commit.Claim(CustomerKeyClaim.name, made.statement))
            }
            if let reservation = EmailReservation(creating: command, in: stream) { claims.append(reservation.claim(vault.emailIndex)) }
            if let content, case .recordDocumentUpload(let document, _) = command {
                companions.append(try DocumentContents.storeStatement(content, of: document, sealedBy: cipher))
            }
        }
        let projections = events.isEmpty ? [] : rendered.map { rendered in
            [Commit.ProjectedRows(
                projector: CustomerReadModel.projectorName,
                statements: CustomerReadModel.statements(
                    for: [rendered], tables: .live(CustomerReadModel.tables),
                    // A new stream's customer has no rows yet: nothing to delete.
                    existing: expected.knownVersion != 0))]
        } ?? []
        return Commit(
            stream: stream, streamType: CustomerStreams.streamType, expectedVersion: expected,
            events: try events.map { try cipher.sealed($0).newEvent },
            metadata: EventMetadata(
                commandId: UUID().uuidString.lowercased(), commandType: command.name, actor: request.actor,
                requestId: request.requestId, correlationId: request.correlationId, causationId: request.causationId,
                idempotencyKey: request.idempotency?.key),
            claims: claims, companions: companions, projections: projections)
    }
}

/// The claim of a customer's first data key: two commands that both found none race on it, and
/// the loser decides again with the key the winner made.
enum CustomerKeyClaim {
    static let name = "customer-key"
}

/// An email belongs to one customer of each type. The reservation, keyed by the type and the
/// address's blind index (`EmailIndex`), is written in the creating command's transaction, so
/// the database arbitrates concurrent creations; read models carry no invariant. Forgetting the
/// customer deletes it.
struct EmailReservation {
    static let claimName = "email"

    let type: CustomerType
    let email: String
    let customer: String

    /// The reservation a creation makes; nil for any other command.
    init?(creating command: CustomerCommand, in stream: String) {
        switch command {
        case .createIndividual(_, let body):
            guard let email = body.email else { return nil }
            (type, self.email) = (.individual, email)
        case .createBusiness(_, let body):
            guard let email = body.email else { return nil }
            (type, self.email) = (.business, email)
        default:
            return nil
        }
        customer = stream
    }

    func claim(_ index: EmailIndex) -> Commit.Claim {
        Commit.Claim(Self.claimName, SQL(
            "INSERT INTO email_reservations (customer_type, email_key, customer_id) VALUES ($1, $2, $3)",
            [.text(type.rawValue), .text(index.key(of: email)), .text(customer)]))
    }
}
