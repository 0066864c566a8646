import CustomerDomain
import EventStore
import Foundation
import Postgres

/// Handles one command for one customer: load the stream, `decide`, then in one transaction
/// append the events with the version it read, rewrite the customer's read models from the new
/// state and record the idempotency key with the response. On a version conflict it reloads
/// and decides again, a bounded number of times.
public struct CommandHandler: Sendable {
    public let store: EventStore
    public let vault: PersonalDataVault
    public let maximumAttempts: Int

    public init(store: EventStore, vault: PersonalDataVault, maximumAttempts: Int = 8) {
        self.store = store
        self.vault = vault
        self.maximumAttempts = maximumAttempts
    }

    /// `respond` renders the response from the customer's state after the command; it is
    /// stored with the idempotency key in the same transaction. `content` (an uploaded file's
    /// bytes) is stored in that transaction too, and only when the command records something.
    public func handle(
        _ command: CustomerCommand,
        customer id: CustomerID,
        request: CommandRequest,
        content: DocumentContent? = nil,
        respond: (CustomerState) throws -> StoredResponse
    ) async throws -> CommandResult {
        let stream = CustomerStreams.id(of: id)
        for attempt in 1...maximumAttempts {
            // Checked on every attempt: a concurrent request with the same key that won the race
            // committed its response together with its events, and this attempt must return it.
            if let claim = request.idempotency,
               let entry = try await IdempotencyLog.find(actor: request.actor, key: claim.key, on: store.pool) {
                return try IdempotencyLog.replay(entry, claim: claim)
            }
            let loaded = try await CustomerLoader(store: store, vault: vault).load(id)
            if case .destroyed = loaded.key, loaded.state.customer?.personalDataErasedAt == nil {
                // Forgotten between reading the events and the key: read again, with the erasure.
                continue
            }
            let events: [CustomerEvent]
            do {
                events = try decide(command, state: loaded.state, context: CommandContext(now: request.now))
            } catch {
                throw CustomerServiceError.domain(error)
            }
            let state = fold(events, from: loaded.state)
            let response = try respond(state)
            do {
                let version = try await commit(
                    events, state: state, expected: .after(loaded.version), key: loaded.key, stream: stream,
                    command: command, request: request, response: response, content: content)
                return CommandResult(
                    response: response, executed: true, streamVersion: version ?? loaded.version,
                    appendedEvents: events.count, retries: attempt - 1)
            } catch EventStoreError.wrongExpectedVersion {
                // Someone else changed the customer since it was loaded: decide again on the new state.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 << min(attempt, 5)))))
                continue
            } catch let error as PostgresError where error.isUniqueViolation {
                // A concurrent request with the same idempotency key committed first, whatever
                // constraint this attempt met first (its key, or the email it also claimed):
                // same key, same answer.
                if let claim = request.idempotency,
                   let entry = try await IdempotencyLog.find(actor: request.actor, key: claim.key, on: store.pool) {
                    return try IdempotencyLog.replay(entry, claim: claim)
                }
                // Another command gave the customer its first key since this one looked: decide again.
                if error.constraint == "customer_keys_pkey" { continue }
                if error.constraint == "customers_email_per_type" {
                    throw CustomerServiceError.duplicateEmail(email: Self.email(inDetail: error.detail) ?? "")
                }
                throw error
            }
        }
        throw CustomerServiceError.concurrencyConflict(attempts: maximumAttempts)
    }

    /// Sends the whole write as one pipeline: one round trip, one implicit transaction, so an
    /// error anywhere (a version conflict, a duplicate email) writes nothing at all.
    ///
    /// The idempotency record comes first: a concurrent request with the same key waits there
    /// for the first one and then fails on that key, before anything else it would claim (the
    /// erasure's own record comes last, after it clears the earlier ones). A command that records
    /// no event still checks (and holds) the version it decided on, so its stored response can
    /// never be written after a `forget` it did not see.
    private func commit(
        _ events: [CustomerEvent], state: CustomerState, expected: ExpectedVersion, key: PersonalDataVault.StoredKey,
        stream: String, command: CustomerCommand, request: CommandRequest, response: StoredResponse,
        content: DocumentContent?
    ) async throws -> Int64? {
        var statements: [Statement] = []
        let record = request.idempotency.map {
            IdempotencyLog.record(actor: request.actor, claim: $0, response: response, stream: stream)
        }
        var append: (operation: AppendOperation, index: Int)?
        if !events.isEmpty, let customer = state.customer {
            // The key statements follow the append: a concurrent command on the same stream fails
            // there with a version conflict first, and decides again with the key it then finds.
            var keyStatements: [Statement] = []
            var cipher = CustomerCipher(customer: stream, key: key)
            var recordLast = false
            if case .erasePersonalData = command {
                keyStatements = PersonalDataVault.forgetStatements(of: stream)
                recordLast = true
            } else if case .none = key {
                let made = try vault.newKey(for: stream)
                cipher = made.cipher
                keyStatements = [made.statement]
            }
            let metadata = EventMetadata(
                commandId: UUID().uuidString.lowercased(), commandType: command.name, actor: request.actor,
                requestId: request.requestId, correlationId: request.correlationId, causationId: request.causationId,
                idempotencyKey: request.idempotency?.key)
            let operation = try AppendOperation(
                stream: stream, streamType: CustomerStreams.streamType, expectedVersion: expected,
                events: try events.map { try cipher.sealed($0).newEvent },
                metadata: metadata)
            let newVersion = (expected.knownVersion ?? 0) + Int64(events.count)
            statements.append(Statement("SELECT pg_advisory_xact_lock_shared(hashtext(current_schema() || '/' || $1))", [CustomerReadModel.lockName]))
            if let record, !recordLast { statements.append(record) }
            append = (operation, statements.count)
            statements.append(operation.statement)
            statements += keyStatements
            statements += try CustomerReadModel.statements(
                for: [.init(customer: customer, version: newVersion)], tables: .live(CustomerReadModel.tables))
            if let content { statements.append(DocumentContents.storeStatement(content)) }
            if let record, recordLast { statements.append(record) }
        } else if let record {
            statements.append(AppendOperation.versionCheck(stream: stream, expectedVersion: expected))
            statements.append(record)
        }
        guard !statements.isEmpty else { return nil }
        let results: [QueryResult]
        do {
            results = try await store.pool.withConnection { try await $0.pipeline(statements) }
        } catch {
            throw AppendOperation.translate(error, stream: stream, expectedVersion: expected)
        }
        guard let append else { return nil }
        store.announceCommit()
        return try append.operation.result(from: results[append.index]).streamVersion
    }

    /// PostgreSQL's detail reads `Key (type, lower(email))=(individual, jane@example.com) already exists.`
    static func email(inDetail detail: String?) -> String? {
        guard let detail, let open = detail.range(of: ")=("), let comma = detail[open.upperBound...].range(of: ", "),
              let close = detail[comma.upperBound...].range(of: ")") else { return nil }
        return String(detail[comma.upperBound..<close.lowerBound])
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
