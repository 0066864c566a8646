import EventStore
import Foundation

/// Document bytes by SHA-256, outside the event log: written once, never changed.
public struct DocumentContents: Sendable {
    public let store: EventStore

    public init(store: EventStore) {
        self.store = store
    }

    /// The statement that stores an upload's bytes unless the same content is already there (an
    /// upload of a known file costs nothing more). It runs in the upload command's own
    /// transaction, so a refused upload leaves no bytes behind.
    static func storeStatement(_ content: DocumentContent) -> SQL {
        SQL(
            """
            INSERT INTO document_contents (sha256, mime_type, size, content) VALUES ($1, $2, $3, $4)
            ON CONFLICT (sha256) DO NOTHING
            """, [.text(content.sha256), .text(content.mimeType), .integer(content.bytes.count), .bytes(content.bytes)])
    }

    public func content(sha256: String) async throws -> (mimeType: String, bytes: Data)? {
        guard let row = try await store.query(SQL(
            "SELECT mime_type, content FROM document_contents WHERE sha256 = $1", [.text(sha256)])).first
        else { return nil }
        return (try row.string(0), try row.bytes(1))
    }
}

/// An uploaded file's bytes, recognised type and hash, stored with the command that records it.
public struct DocumentContent: Sendable {
    public let bytes: Data
    public let sha256: String
    public let mimeType: String

    public init(bytes: Data, sha256: String, mimeType: String) {
        self.bytes = bytes
        self.sha256 = sha256
        self.mimeType = mimeType
    }
}
