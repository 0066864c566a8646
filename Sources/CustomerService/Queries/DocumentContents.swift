import Foundation
import Postgres

/// Document bytes by SHA-256, outside the event log: written once, never changed.
public struct DocumentContents: Sendable {
    public let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Stores the bytes unless the same content is already there (an upload of a known file
    /// costs nothing more).
    public func store(_ bytes: Data, sha256: String, mimeType: String) async throws {
        try await pool.query(
            """
            INSERT INTO document_contents (sha256, mime_type, size, content) VALUES ($1, $2, $3, $4)
            ON CONFLICT (sha256) DO NOTHING
            """, [sha256, mimeType, Int64(bytes.count), bytes])
    }

    public func content(sha256: String) async throws -> (mimeType: String, bytes: Data)? {
        guard let row = try await pool.query("SELECT mime_type, content FROM document_contents WHERE sha256 = $1", [sha256]).first
        else { return nil }
        return (try row.decode(0), try row.decode(1))
    }
}
