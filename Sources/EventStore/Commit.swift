import Foundation
import Postgres

/// Everything one command writes: its events (appended with the version it decided on) and the
/// records that must commit with them, run by `EventStore.commit` in one round trip and one
/// transaction, so either all of it is written or none.
public struct Commit: Sendable {
    /// A record that claims something unique (an idempotency key, an email): a second commit of
    /// the same claim waits for the first and then fails on it, with `EventStoreError.claimTaken`.
    public struct Claim: Sendable {
        public enum Placement: Sendable {
            /// Before the append: a concurrent commit with the same claim stops here, before it
            /// takes anything else.
            case first
            /// After everything else (a record that must see what the commit's other statements did).
            case last
        }

        public let name: String
        public let sql: SQL
        public let placement: Placement

        public init(_ name: String, _ sql: SQL, placement: Placement = .first) {
            self.name = name
            self.sql = sql
            self.placement = placement
        }
    }

    /// The rows an inline projector derives from the stream's new state. The commit holds the
    /// projector's lock shared while it writes them; a rebuild's swap holds it exclusively.
    public struct ProjectedRows: Sendable {
        public let projector: String
        public let statements: [SQL]

        public init(projector: String, statements: [SQL]) {
            self.projector = projector
            self.statements = statements
        }
    }

    public var stream: String
    public var streamType: String
    public var expectedVersion: ExpectedVersion
    /// Empty: the commit appends nothing, but still checks (and holds until it commits) the
    /// expected version, so the records beside it rest on the version they were decided on.
    public var events: [NewEvent]
    public var metadata: EventMetadata
    public var claims: [Claim]
    /// Records that commit with the events and claim nothing (a data key, document bytes).
    public var companions: [SQL]
    public var projections: [ProjectedRows]

    public init(
        stream: String, streamType: String, expectedVersion: ExpectedVersion, events: [NewEvent],
        metadata: EventMetadata, claims: [Claim] = [], companions: [SQL] = [], projections: [ProjectedRows] = []
    ) {
        self.stream = stream
        self.streamType = streamType
        self.expectedVersion = expectedVersion
        self.events = events
        self.metadata = metadata
        self.claims = claims
        self.companions = companions
        self.projections = projections
    }
}

/// What a commit wrote: the stream's version after it, and the events' positions (none when
/// it appended nothing).
public struct CommitResult: Sendable, Equatable {
    public let streamVersion: Int64?
    public let positions: [GlobalPosition]
}

extension EventStore {
    /// Commits `commit` in one round trip: the projectors' locks (shared), the first claims, the
    /// append (or the version check of a commit without events), the companions, the projected
    /// rows, the last claims. A version conflict throws `EventStoreError.wrongExpectedVersion`,
    /// a claim held by another commit `EventStoreError.claimTaken`; either way nothing is written.
    @discardableResult
    public func commit(_ commit: Commit) async throws -> CommitResult {
        var statements: [Statement] = []
        var claimAt: [Int: String] = [:]
        for projector in Set(commit.projections.map(\.projector)).sorted() {
            statements.append(ProjectorLock.sharedStatement(projector))
        }
        for claim in commit.claims where claim.placement == .first {
            claimAt[statements.count] = claim.name
            statements.append(claim.sql.statement)
        }
        let append = try commit.events.isEmpty ? nil : AppendOperation(
            stream: commit.stream, streamType: commit.streamType, expectedVersion: commit.expectedVersion,
            events: commit.events, metadata: commit.metadata)
        let appendIndex = statements.count
        statements.append(append?.statement
            ?? AppendOperation.versionCheck(stream: commit.stream, expectedVersion: commit.expectedVersion))
        statements += commit.companions.map(\.statement)
        statements += commit.projections.flatMap(\.statements).map(\.statement)
        for claim in commit.claims where claim.placement == .last {
            claimAt[statements.count] = claim.name
            statements.append(claim.sql.statement)
        }
        let results: [QueryResult]
        do {
            results = try await pool.withConnection { try await $0.pipeline(statements) }
        } catch let error as PostgresError {
            if error.sqlState == .wrongExpectedVersion {
                throw AppendOperation.translate(error, stream: commit.stream, expectedVersion: commit.expectedVersion)
            }
            if error.isUniqueViolation, let index = error.statementIndex, let claim = claimAt[index] {
                throw EventStoreError.claimTaken(claim)
            }
            throw EventStoreError.failure(StoreFailure(error))
        }
        guard let append else { return CommitResult(streamVersion: nil, positions: []) }
        announceCommit()
        let appended = try append.result(from: results[appendIndex])
        return CommitResult(streamVersion: appended.streamVersion, positions: appended.positions)
    }
}
