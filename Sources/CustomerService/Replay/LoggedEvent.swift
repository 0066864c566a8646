import CustomerDomain
import Foundation

/// One stored event of a customer's stream, as the log holds it. History,
/// time travel and replay read these, whether they come from the database or
/// from an exported JSON Lines file, so both give the same answers.
public struct LoggedEvent: Sendable, Equatable {
    public var streamId: String
    /// The event's version within its stream, from 1.
    public var version: Int64
    /// The event's global position in the log.
    public var position: Int64
    public var transactionId: UInt64
    public var type: String
    public var schemaVersion: Int
    /// UTF-8 JSON text of the event's data.
    public var data: Data
    /// UTF-8 JSON text of the metadata object; see `LoggedMetadata`.
    public var metadata: Data
    public var recordedAt: Date

    public init(
        streamId: String, version: Int64, position: Int64, transactionId: UInt64,
        type: String, schemaVersion: Int, data: Data, metadata: Data, recordedAt: Date
    ) {
        self.streamId = streamId
        self.version = version
        self.position = position
        self.transactionId = transactionId
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.recordedAt = recordedAt
    }

    /// The domain event, upcast from an older schema version when needed.
    public func decoded() throws(UndecodableEvent) -> CustomerEvent {
        do {
            return try CustomerEvent.decode(type: type, schemaVersion: schemaVersion, data: data)
        } catch {
            throw UndecodableEvent(streamId: streamId, version: version, reason: error)
        }
    }

    /// Who and what caused the event; empty when the metadata is unreadable,
    /// because a damaged audit field must not hide the event itself.
    public var loggedMetadata: LoggedMetadata {
        LoggedMetadata(json: metadata)
    }
}

/// A stored event whose data this build cannot read, with where it is.
public struct UndecodableEvent: Error, Equatable, Sendable, CustomStringConvertible {
    public var streamId: String
    public var version: Int64
    public var reason: EventDecodingError

    public var description: String {
        "Event \(version) of stream \(streamId) cannot be read: \(reason)"
    }
}
