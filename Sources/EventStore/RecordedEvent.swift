import Foundation
import JSON

/// An event to append: its type name, schema version and JSON body.
public struct NewEvent: Sendable, Equatable {
    public let type: String
    public let schemaVersion: Int
    /// UTF-8 JSON text of the event's data.
    public let data: Data

    public init(type: String, schemaVersion: Int = 1, data: Data) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
    }
}

/// An event as the log holds it.
public struct RecordedEvent: Sendable, Equatable {
    public let position: GlobalPosition
    public let streamId: String
    public let streamVersion: Int64
    public let type: String
    public let schemaVersion: Int
    /// UTF-8 JSON text of the event's data, as PostgreSQL normalised it (jsonb).
    public let data: Data
    /// UTF-8 JSON text of the metadata; decode with `decodedMetadata()` when needed.
    public let metadata: Data
    public let recordedAt: Date

    public init(
        position: GlobalPosition, streamId: String, streamVersion: Int64, type: String,
        schemaVersion: Int, data: Data, metadata: Data, recordedAt: Date
    ) {
        self.position = position
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.recordedAt = recordedAt
    }

    public func decodedMetadata() throws -> EventMetadata {
        guard case .success(let tree) = JSONTree.parse(Array(metadata)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the metadata is not JSON"))
        }
        return try JSONTreeDecoder().decode(EventMetadata.self, from: tree)
    }
}

/// What one append wrote.
public struct AppendResult: Sendable, Equatable {
    /// The stream's version after the append (the last event's version).
    public let streamVersion: Int64
    public let positions: [GlobalPosition]
}

/// Failures of the event store that callers act on.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another writer changed the stream first; `actual` is its version now (nil: no stream).
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64?)
    case emptyAppend(stream: String)
    /// The cluster's transaction counter is behind the log (see `FenceCheck`).
    case fenceBehindLog(FenceCheck)
    /// A claim of a commit (an idempotency entry, a reservation; see `Commit.Claim`) is already
    /// held by another commit, which committed first: nothing was written.
    case claimTaken(String)
    /// Another sealer stored this seal id first: nothing was written.
    case sealTaken(sealId: Int64)
    /// The database failed (see `StoreFailure`).
    case failure(StoreFailure)

    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            "wrong expected version for stream \(stream): expected \(expected), found \(actual.map(String.init) ?? "no stream")"
        case .emptyAppend(let stream):
            "append to stream \(stream) has no events"
        case .fenceBehindLog(let check):
            check.problem
        case .claimTaken(let name):
            "the claim \(name) is already taken"
        case .sealTaken(let sealId):
            "seal \(sealId) was stored by another sealer at the same moment"
        case .failure(let failure):
            failure.description
        }
    }
}
