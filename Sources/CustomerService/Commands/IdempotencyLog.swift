import EventStore
import Foundation

/// Statements on `command_log`, one place each.
enum IdempotencyLog {
    /// The name of the claim a command's record makes in its commit.
    static let claimName = "idempotency-key"

    struct Entry: Sendable {
        let requestHash: String
        let response: StoredResponse
        /// The customer whose personal data was erased with the stored response, if it was.
        let erasedCustomer: String?
    }

    /// The entry of a key. A response recorded before the customer's key was destroyed counts as
    /// erased, also if the erasure did not clear it; the erasure's own (recorded in its
    /// transaction, so at the same `now()`) shows only erased data and is replayed.
    static func find(actor: String, key: String, in store: EventStore) async throws -> Entry? {
        let result = try await store.query(SQL(
            """
            SELECT c.request_hash, c.status_code, c.response,
                   CASE WHEN c.erased_at IS NOT NULL OR c.recorded_at < k.destroyed_at THEN c.stream_id END
            FROM command_log c LEFT JOIN customer_keys k ON k.customer_id = c.stream_id
            WHERE c.actor = $1 AND c.idempotency_key = $2
            """,
            [.text(actor), .text(key)]))
        guard let row = result.first else { return nil }
        return Entry(
            requestHash: try row.string(0),
            response: StoredResponse(statusCode: try row.int(1), body: try row.bytes(2)),
            erasedCustomer: try row.optionalString(3))
    }

    /// The record of a command's response, claimed in its commit.
    static func record(
        actor: String, claim: IdempotencyClaim, response: StoredResponse, stream: String,
        placement: Commit.Claim.Placement = .first
    ) -> Commit.Claim {
        Commit.Claim(claimName, SQL(
            """
            INSERT INTO command_log (actor, idempotency_key, request_hash, status_code, response, stream_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [.text(actor), .text(claim.key), .text(claim.requestHash), .integer(response.statusCode),
             .text(String(decoding: response.body, as: UTF8.self)), .text(stream)]), placement: placement)
    }

    /// The answer to a repeated key: the stored response, or a mismatch.
    static func replay(_ entry: Entry, claim: IdempotencyClaim) throws -> CommandResult {
        guard entry.requestHash == claim.requestHash else { throw CustomerServiceError.idempotencyMismatch(key: claim.key) }
        if let customer = entry.erasedCustomer {
            throw CustomerServiceError.domain(.invalidRequest(
                detail: "Customer \(customer)'s personal data was erased, and with it the response to this request.",
                problems: []))
        }
        return CommandResult(response: entry.response, executed: false, streamVersion: nil, appendedEvents: 0, retries: 0)
    }
}
