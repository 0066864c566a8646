import Postgres

/// Statements on `command_log`, one place each.
enum IdempotencyLog {
    struct Entry: Sendable {
        let requestHash: String
        let response: StoredResponse
        /// The customer whose personal data was erased with the stored response, if it was.
        let erasedCustomer: String?
    }

    static func find(actor: String, key: String, on pool: ConnectionPool) async throws -> Entry? {
        let result = try await pool.query(
            """
            SELECT request_hash, status_code, response, CASE WHEN erased_at IS NOT NULL THEN stream_id END
            FROM command_log WHERE actor = $1 AND idempotency_key = $2
            """,
            [actor, key])
        guard let row = result.first else { return nil }
        return Entry(
            requestHash: try row.decode(0),
            response: StoredResponse(statusCode: try row.decode(1), body: try row.decode(2)),
            erasedCustomer: try row.decode(3))
    }

    static func record(actor: String, claim: IdempotencyClaim, response: StoredResponse, stream: String) -> Statement {
        Statement(
            """
            INSERT INTO command_log (actor, idempotency_key, request_hash, status_code, response, stream_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [actor, claim.key, claim.requestHash, response.statusCode, String(decoding: response.body, as: UTF8.self), stream])
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
