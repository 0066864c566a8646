import Foundation
import Postgres

/// One append as a statement, so a caller can send it in a batch (pipeline) with its own
/// statements, in one round trip and one transaction, and read the outcome back.
public struct AppendOperation: Sendable {
    public let stream: String
    public let expectedVersion: ExpectedVersion
    public let statement: Statement

    public init(
        stream: String, streamType: String, expectedVersion: ExpectedVersion,
        events: [NewEvent], metadata: EventMetadata
    ) throws {
        guard !events.isEmpty else { throw EventStoreError.emptyAppend(stream: stream) }
        self.stream = stream
        self.expectedVersion = expectedVersion
        let metadataJSON = JSONB(bytes: metadata.jsonBytes())
        statement = Statement(
            """
            SELECT appended_version, appended_position, appended_transaction_id
            FROM append_events($1, $2, $3, $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])
            """,
            [
                stream, streamType, expectedVersion.databaseValue,
                events.map(\.type), events.map { Int32($0.schemaVersion) },
                events.map { JSONB($0.data) }, Array(repeating: metadataJSON, count: events.count),
            ])
    }

    /// What the statement's rows say was written.
    public func result(from rows: QueryResult) throws -> AppendResult {
        var positions: [GlobalPosition] = []
        positions.reserveCapacity(rows.rows.count)
        for row in rows.rows {
            positions.append(GlobalPosition(
                transactionId: try row.decode(2, as: UInt64.self), position: try row.decode(1, as: Int64.self)))
        }
        guard let last = rows.rows.last else { throw EventStoreError.emptyAppend(stream: stream) }
        return AppendResult(streamVersion: try last.decode(0, as: Int64.self), positions: positions)
    }

    /// The typed conflict for the server's wrong-expected-version error; other errors unchanged.
    public func translate(_ error: any Error) -> any Error {
        Self.translate(error, stream: stream, expectedVersion: expectedVersion)
    }

    /// The same, for a batch that appended to `stream` or checked its version.
    public static func translate(_ error: any Error, stream: String, expectedVersion: ExpectedVersion) -> any Error {
        guard let failure = error as? PostgresError, failure.sqlState == .wrongExpectedVersion else { return error }
        return EventStoreError.wrongExpectedVersion(
            stream: stream, expected: expectedVersion, actual: failure.detail.flatMap { Int64($0) })
    }

    /// A statement that appends nothing but fails like an append when `stream` is not at
    /// `expectedVersion`, and holds the stream at that version until the batch commits: what a
    /// command that records no event sends beside the records that rest on what it read.
    public static func versionCheck(stream: String, expectedVersion: ExpectedVersion) -> Statement {
        Statement("SELECT check_stream_version($1, $2)", [stream, expectedVersion.databaseValue])
    }
}

extension SQLState {
    /// Raised by `append_events` when the stream is not at the expected version.
    public static let wrongExpectedVersion = SQLState("CE409")
}
