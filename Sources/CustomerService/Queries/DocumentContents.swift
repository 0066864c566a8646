import CustomerDomain
import EventStore
import Foundation

/// Uploaded files' bytes, outside the event log, sealed under their customer's data key: written
/// once with the upload, never changed, deleted when the customer is forgotten.
public struct DocumentContents: Sendable {
    public let store: EventStore
    let vault: PersonalDataVault

    public init(store: EventStore, vault: PersonalDataVault) {
        self.store = store
        self.vault = vault
    }

    /// The statement that stores an upload's sealed bytes. It runs in the upload command's own
    /// transaction, so a refused upload leaves no bytes behind.
    static func storeStatement(_ content: DocumentContent, of document: DocumentID, sealedBy cipher: CustomerCipher) throws -> SQL {
        SQL(
            "INSERT INTO document_files (document_id, customer_id, mime_type, size, sealed_content) VALUES ($1, $2, $3, $4, $5)",
            [.text(document.rawValue), .text(cipher.customer), .text(content.mimeType), .integer(content.bytes.count),
             .bytes(try cipher.seal(content: content.bytes, of: document.rawValue))])
    }

    /// A document's bytes, opened; nil when there are none (or its customer was forgotten).
    public func content(of document: DocumentID) async throws -> (mimeType: String, bytes: Data)? {
        guard let row = try await store.query(SQL(
            "SELECT customer_id, mime_type, sealed_content FROM document_files WHERE document_id = $1", [.text(document.rawValue)])).first
        else { return nil }
        let customer = try row.string(0)
        guard let cipher = try await vault.readingCiphers(for: [customer], on: store)[customer],
              let bytes = try cipher.open(content: try row.bytes(2), of: document.rawValue) else { return nil }
        return (try row.string(1), bytes)
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
