import Crypto
import EventStore
import Foundation

/// The customers' data keys in `customer_keys`, wrapped by the master key: found, made and
/// destroyed here, and nowhere else.
public struct PersonalDataVault: Sendable {
    let masterKey: MasterKey

    public init(masterKey: MasterKey) {
        self.masterKey = masterKey
    }

    /// The blind index of email addresses under this master key.
    public var emailIndex: EmailIndex { EmailIndex(masterKey: masterKey) }

    /// What the database holds for one customer.
    enum StoredKey {
        /// No key yet: the customer does not exist, or its events predate sealing.
        case none
        case active(Data)
        case destroyed

        var active: Data? {
            if case .active(let key) = self { key } else { nil }
        }
    }

    /// Refuses a master key other than the one the database's keys are wrapped with; the first
    /// service to start records its fingerprint.
    public func checkMasterKey(on store: EventStore) async throws {
        // Two services starting on a new database at once: the second one's statement may not
        // see the row the first inserted while it waited; a second look does.
        for _ in 0..<2 {
            let result = try await store.query(SQL(
                """
                WITH recorded AS (
                    INSERT INTO master_key_fingerprint (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING RETURNING fingerprint
                )
                SELECT fingerprint FROM recorded UNION ALL SELECT fingerprint FROM master_key_fingerprint
                """, [.text(masterKey.fingerprint)]))
            guard let row = result.first else { continue }
            guard try row.string(0) == masterKey.fingerprint else {
                if let retired = try await store.query(SQL(
                    "SELECT to_char(retired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM master_key_history WHERE fingerprint = $1",
                    [.text(masterKey.fingerprint)])).first {
                    throw PersonalDataError.masterKeyRetired(at: try retired.string(0))
                }
                throw PersonalDataError.masterKeyMismatch
            }
            return
        }
        throw PersonalDataError.masterKeyMismatch
    }

    /// The statement that reads a customer's key; `storedKey(of:from:)` reads its result.
    static func keyStatement(of customer: String) -> SQL {
        SQL("SELECT wrapped_key FROM customer_keys WHERE customer_id = $1", [.text(customer)])
    }

    func storedKey(of customer: String, from result: SQLRows) throws -> StoredKey {
        guard let row = result.first else { return .none }
        guard let wrapped = try row.optionalBytes(0) else { return .destroyed }
        return .active(try masterKey.unwrap(wrapped, for: customer))
    }


    /// Ciphers for the customers that have a key row: all of them, or those named.
    func readingCiphers(for customers: [String], on reader: any StoreReader) async throws -> [String: CustomerCipher] {
        let result = try await reader.query(SQL(
            "SELECT customer_id, wrapped_key FROM customer_keys WHERE customer_id = ANY($1::text[])", [.texts(customers)]))
        var ciphers: [String: CustomerCipher] = [:]
        for row in result.rows {
            let customer = try row.string(0)
            let key: StoredKey = try row.optionalBytes(1).map { .active(try masterKey.unwrap($0, for: customer)) } ?? .destroyed
            ciphers[customer] = CustomerCipher(customer: customer, key: key)
        }
        return ciphers
    }

    /// A new data key for a customer that has none, and the statement that stores it (in the
    /// same transaction as the first events it seals).
    func newKey(for customer: String) throws -> (cipher: CustomerCipher, statement: SQL) {
        let made = try masterKey.newDataKey(for: customer)
        return (
            CustomerCipher(customer: customer, key: .active(made.key)),
            SQL("SELECT store_customer_key($1, $2, $3)", [.text(customer), .bytes(made.wrapped), .text(masterKey.fingerprint)]))
    }

    /// Destroys the customer's key (recording the destruction even when it never had one), clears
    /// the responses stored for its commands, which can show its personal data, and deletes its
    /// email reservations and document bytes (those stored before bytes were sealed too, unless
    /// another customer's document has the same content).
    static func forgetStatements(of customer: String) -> [SQL] {
        [
            SQL(
                """
                INSERT INTO customer_keys (customer_id, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
                ON CONFLICT (customer_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = now()
                """, [.text(customer)]),
            SQL(
                "UPDATE command_log SET response = '', erased_at = now() WHERE stream_id = $1 AND erased_at IS NULL",
                [.text(customer)]),
            SQL("DELETE FROM email_reservations WHERE customer_id = $1", [.text(customer)]),
            SQL("DELETE FROM document_files WHERE customer_id = $1", [.text(customer)]),
            SQL(
                """
                DELETE FROM document_contents c
                WHERE c.sha256 IN (SELECT d.sha256 FROM documents d WHERE d.customer_id = $1)
                  AND NOT EXISTS (SELECT FROM documents o WHERE o.sha256 = c.sha256 AND o.customer_id <> $1)
                """, [.text(customer)]),
        ]
    }
}
