import Crypto
import Foundation
import HTTPTypes
import Testing

/// A document's bytes are stored with the command that records the upload, and only then: an
/// upload that is refused leaves nothing behind, so no key can fill the disk with refused files.
@Suite struct RefusedUploadTests {
    /// A PDF no other upload sends, and its SHA-256.
    static func uniquePDF() -> (bytes: [UInt8], sha256: String) {
        let bytes = Array("%PDF-1.4\n% \(UUID().uuidString)\n%%EOF\n".utf8)
        return (bytes, SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }

    @Test func refusedUploadsStoreNoBytes() async throws {
        try await TestApplication.withClient { client, pool in
            let api = APIDriver(client: client)
            let jane = try await api.createJane()
            let forgotten = try await api.createJane()
            #expect(try await api.send(.post, "/v2/customer/\(forgotten.id)/forget", key: "admin").status == .ok)
            let business = try await api.createBusiness()
            let refusals: [(String, String, String, HTTPResponse.Status)] = [
                ("an unknown customer", "customer_00000000000000000000000000000000", "passport", .notFound),
                ("a forgotten customer", forgotten.id, "passport", .badRequest),
                ("a type that does not fit", jane.id, "incorporation_cert", .badRequest),
                ("a business's missing representative", business.id, "passport", .notFound),
            ]
            for (what, target, type, status) in refusals {
                let file = Self.uniquePDF()
                let isRepresentative = what.contains("representative")
                let reply = try await api.upload(
                    targetId: isRepresentative ? "associatedPerson_00000000000000000000000000000000" : target,
                    target: isRepresentative ? "business_representative" : "customer",
                    documentType: type, country: "USA", file: file.bytes)
                #expect(reply.status == status, "\(what): \(reply.body)")
                let owner = isRepresentative ? business.id : target
                let stored = try await pool.query("SELECT count(*) FROM document_files WHERE customer_id = $1", [owner])
                    .rows[0].decode(0, as: Int.self)
                #expect(stored == 0, "\(what) left its bytes behind")
            }
            let accepted = Self.uniquePDF()
            #expect(try await api.upload(targetId: jane.id, documentType: "passport", country: "USA", file: accepted.bytes).status == .created)
            let row = try #require(try await pool.query(
                "SELECT count(*), bool_and(position($2::bytea in sealed_content) = 0) FROM document_files WHERE customer_id = $1",
                [jane.id, Data(accepted.bytes.suffix(24))]).rows.first)
            #expect(try row.decode(0, as: Int.self) == 1)
            #expect(try row.decode(1, as: Bool.self), "the bytes are stored sealed, not as sent")
        }
    }
}
