import CustomerDomain
import EventStore
import Foundation

/// Handles one command for one customer: load the stream, `decide`, seal the events' personal
/// fields, then commit through the event store, in one transaction, the events with the version
/// read, the customer's read-model rows, and the records that rest on the command (idempotency
/// entry, email reservation, data key, document bytes). On a version conflict it reloads and
/// decides again, a bounded number of times.
public struct CommandHandler: Sendable {
    public let store: EventStore
    public let vault: PersonalDataVault
    public let maximumAttempts: Int
    /// Whether a profile decision must come from another key than its documents' reviews.
    public let fourEyes: Bool

    public init(store: EventStore, vault: PersonalDataVault, maximumAttempts: Int = 8, fourEyes: Bool = true) {
        self.store = store
        self.vault = vault
        self.maximumAttempts = maximumAttempts
        self.fourEyes = fourEyes
    }

    /// `response` says which view of the customer after the command answers it (with which
    /// status); that view's text is the one written to the read model, and it is stored with the
    /// idempotency key in the same transaction. `content` (an uploaded file's bytes) is stored
    /// in that transaction too, and only when the command records something.
    public func handle(
        _ command: CustomerCommand,
        customer id: CustomerID,
        request: CommandRequest,
        content: DocumentContent? = nil,
        response: ResponseShape
    ) async throws -> CommandResult {
        let stream = CustomerStreams.id(of: id)
        for attempt in 1...maximumAttempts {
            // Checked on every attempt: a concurrent request with the same key that won the race
            // committed its response together with its events, and this attempt must return it.
            if let replayed = try await replayedResponse(to: request) { return replayed }
            // A creation names an id the API just drew at random, so its stream cannot exist: the
            // first attempt decides on the empty state without reading it. Were the stream there
            // after all, the append (expecting no stream) conflicts and the next attempt reads.
            let loaded = attempt == 1 && command.createsCustomer
                ? CustomerLoader.Loaded.absent
                : try await CustomerLoader(store: store, vault: vault).load(id)
            if case .destroyed = loaded.key, loaded.state.customer?.personalDataErasedAt == nil {
                // Forgotten between reading the events and the key: read again, with the erasure.
                continue
            }
            let events: [CustomerEvent]
            do {
                let context = CommandContext(
                    now: request.now, actor: request.actor, fourEyes: fourEyes, rulesVersion: RulesVersion.current)
                events = try decide(command, state: loaded.state, context: context)
            } catch {
                throw CustomerServiceError.domain(error)
            }
            let state = fold(events, from: loaded.state)
            let newVersion = (loaded.version ?? 0) + Int64(events.count)
            let rendered = try state.customer.map { try CustomerReadModel.Rendered($0, version: newVersion) }
            let stored = try response.stored(from: rendered)
            let write = CommandWrite(
                command: command, events: events, rendered: rendered, expected: .after(loaded.version), key: loaded.key,
                stream: stream, request: request, response: stored, content: content)
            do {
                let version = try await commit(write)
                return CommandResult(
                    response: stored, executed: true, streamVersion: version ?? loaded.version,
                    appendedEvents: events.count, retries: attempt - 1)
            } catch EventStoreError.wrongExpectedVersion {
                // Someone else changed the customer since it was loaded: decide again on the new state.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 << min(attempt, 5)))))
                continue
            } catch EventStoreError.claimTaken(let claim) {
                // A concurrent request with the same idempotency key committed first, whatever
                // it claimed that this one met first: same key, same answer.
                if let replayed = try await replayedResponse(to: request) { return replayed }
                switch claim {
                case CustomerKeyClaim.name:
                    // Another command gave the customer its first key since this one looked.
                    continue
                case EmailReservation.claimName:
                    throw CustomerServiceError.duplicateEmail(email: EmailIndex.normalised(state.customer?.email ?? ""))
                default:
                    throw EventStoreError.claimTaken(claim)
                }
            }
        }
        throw CustomerServiceError.concurrencyConflict(attempts: maximumAttempts)
    }

    private func replayedResponse(to request: CommandRequest) async throws -> CommandResult? {
        guard let claim = request.idempotency,
              let entry = try await IdempotencyLog.find(actor: request.actor, key: claim.key, in: store) else { return nil }
        return try IdempotencyLog.replay(entry, claim: claim)
    }

    /// Commits the command's write as one `Commit`: one round trip, one transaction, so an error
    /// anywhere (a version conflict, a taken email) writes nothing at all. Nothing to write (no
    /// event, no idempotency key) sends nothing.
    private func commit(_ write: CommandWrite) async throws -> Int64? {
        guard !write.events.isEmpty || write.request.idempotency != nil else { return nil }
        let commit = try write.commit(vault: vault)
        return try await store.commit(commit).streamVersion
    }
}

/// Which view answers a command, with which status code.
public struct ResponseShape: Sendable {
    public enum View: Sendable {
        case customer
        case representative(RepresentativeID)
        case document(DocumentID)
        /// No body (204).
        case empty
        /// `{"ok": true}`: a removal, which leaves nothing to show.
        case acknowledgement
    }

    public let statusCode: Int
    public let view: View

    public init(statusCode: Int, view: View) {
        self.statusCode = statusCode
        self.view = view
    }

    /// The response from the views rendered once for the read model.
    func stored(from rendered: CustomerReadModel.Rendered?) throws -> StoredResponse {
        let body: Data?
        switch view {
        case .empty: return StoredResponse(statusCode: statusCode, body: Data())
        case .acknowledgement: return StoredResponse(statusCode: statusCode, body: Data(#"{"ok":true}"#.utf8))
        case .customer: body = rendered?.view
        case .representative(let id):
            guard let view = rendered?.representatives[id] else { throw CustomerServiceError.domain(.notFound(.representative(id))) }
            body = view
        case .document(let id):
            guard let view = rendered?.documents[id] else { throw CustomerServiceError.domain(.notFound(.document(id))) }
            body = view
        }
        guard let body else { throw CustomerServiceError.domain(.notFound(.customer(nil))) }
        return StoredResponse(statusCode: statusCode, body: body)
    }
}

extension ExpectedVersion {
    /// The version this expectation names, 0 for a new stream, nil for any.
    var knownVersion: Int64? {
        switch self {
        case .any: nil
        case .noStream: 0
        case .exactly(let version): version
        }
    }
}
