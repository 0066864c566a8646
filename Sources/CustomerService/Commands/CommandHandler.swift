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
    /// stored with the idempotency key in the same transaction.
    public func handle(
        _ command: CustomerCommand,
        customer id: CustomerID,
        request: CommandRequest,
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
                    command: command, request: request, response: response)
                return CommandResult(
                    response: response, executed: true, streamVersion: version ?? loaded.version,
                    appendedEvents: events.count, retries: attempt - 1)
            } catch EventStoreError.wrongExpectedVersion {
                // Someone else changed the customer since it was loaded: decide again on the new state.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 << min(attempt, 5)))))
                continue
            } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "customer_keys_pkey" {
                // Another command gave the customer its first key since this one looked: decide again.
                continue
            } catch let error as PostgresError where error.isUniqueViolation {
                let explained = try await explain(error, request: request)
                if let replayed = explained as? ReplayedResponse { return replayed.result }
                throw explained
            }
        }
        throw CustomerServiceError.concurrencyConflict(attempts: maximumAttempts)
    }

    /// Sends the whole write as one pipeline: one round trip, one implicit transaction, so an
    /// error anywhere (a version conflict, a duplicate email) writes nothing at all.
    private func commit(
        _ events: [CustomerEvent], state: CustomerState, expected: ExpectedVersion, key: PersonalDataVault.StoredKey,
        stream: String, command: CustomerCommand, request: CommandRequest, response: StoredResponse
    ) async throws -> Int64? {
        var statements: [Statement] = []
        var append: AppendOperation?
        if !events.isEmpty, let customer = state.customer {
            // The key statements follow the append: a concurrent command on the same stream fails
            // there with a version conflict first, and decides again with the key it then finds.
            var keyStatements: [Statement] = []
            var cipher = CustomerCipher(customer: stream, key: key)
            if case .erasePersonalData = command {
                keyStatements = PersonalDataVault.forgetStatements(of: stream)
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
                events: try events.map { try $0.newEvent(sealingWith: cipher) },
                metadata: metadata)
            append = operation
            let newVersion = (expected.knownVersion ?? 0) + Int64(events.count)
            statements.append(Statement("SELECT pg_advisory_xact_lock_shared(hashtext($1))", [CustomerReadModel.lockName]))
            statements.append(operation.statement)
            statements += keyStatements
            statements += try CustomerReadModel.statements(
                for: [.init(customer: customer, version: newVersion)], tables: .live(CustomerReadModel.tables))
        }
        if let claim = request.idempotency {
            statements.append(IdempotencyLog.record(actor: request.actor, claim: claim, response: response, stream: stream))
        }
        guard !statements.isEmpty else { return nil }
        let results: [QueryResult]
        do {
            results = try await store.pool.withConnection { try await $0.pipeline(statements) }
        } catch {
            throw append?.translate(error) ?? error
        }
        guard let append else { return nil }
        store.announceCommit()
        return try append.result(from: results[1]).streamVersion
    }

    /// A unique violation is a duplicate email, or a concurrent request with the same
    /// idempotency key that committed first (answered with its response, or a mismatch).
    private func explain(_ error: PostgresError, request: CommandRequest) async throws -> any Error {
        if error.constraint == "customers_email_per_type" {
            return CustomerServiceError.duplicateEmail(email: Self.email(inDetail: error.detail) ?? "")
        }
        if error.constraint == "command_log_pkey", let claim = request.idempotency,
           let entry = try await IdempotencyLog.find(actor: request.actor, key: claim.key, on: store.pool) {
            if entry.requestHash != claim.requestHash { return CustomerServiceError.idempotencyMismatch(key: claim.key) }
            return ReplayedResponse(result: try IdempotencyLog.replay(entry, claim: claim))
        }
        return error
    }

    /// PostgreSQL's detail reads `Key (type, lower(email))=(individual, jane@example.com) already exists.`
    static func email(inDetail detail: String?) -> String? {
        guard let detail, let open = detail.range(of: ")=("), let comma = detail[open.upperBound...].range(of: ", "),
              let close = detail[comma.upperBound...].range(of: ")") else { return nil }
        return String(detail[comma.upperBound..<close.lowerBound])
    }
}

/// A concurrent duplicate of an idempotent request: carries the first request's result out of
/// the failed attempt.
struct ReplayedResponse: Error {
    let result: CommandResult
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
