import Foundation

/// An event as its hash covers it: the texts of its canonical form (see `event_canonical_text`),
/// the hash the log holds for it, and the transaction that wrote it, which decides the seals
/// that cover it.
public struct ChainedEvent: Sendable, Equatable {
    public let streamId: String
    public let streamVersion: Int64
    public let type: String
    public let schemaVersion: Int
    /// jsonb's own text of the data, exactly as the hash covers it.
    public let data: String
    public let metadata: String
    /// UTC with microseconds, `2026-03-09T20:46:31.305123Z`.
    public let recordedAt: String
    public let transactionId: UInt64
    public let hash: Data

    public init(
        streamId: String, streamVersion: Int64, type: String, schemaVersion: Int, data: String, metadata: String,
        recordedAt: String, transactionId: UInt64, hash: Data
    ) {
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.recordedAt = recordedAt
        self.transactionId = transactionId
        self.hash = hash
    }

    /// The seven fields joined by line feeds: what the README says is hashed.
    public var canonicalText: String {
        "\(streamId)\n\(streamVersion)\n\(type)\n\(schemaVersion)\n\(data)\n\(metadata)\n\(recordedAt)"
    }
}

/// A stream's last event as of a seal: the hash that chains every event of the stream up to it.
public struct StreamHead: Sendable, Hashable {
    public let streamId: String
    public let version: Int64
    public let hash: Data

    public init(streamId: String, version: Int64, hash: Data) {
        self.streamId = streamId
        self.version = version
        self.hash = hash
    }
}
