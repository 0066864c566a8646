import CustomerDomain
import EventStore
import Foundation

/// `customers keys rotate-master`: moves everything the master key protects to a new one while
/// serving goes on. First every customer key is wrapped under the new key beside its old wrapping,
/// in batches (a crash loses nothing: running again goes on from the keys not done yet). Then one
/// short transaction, holding off new keys, reservations and subscriptions, wraps the keys made
/// meanwhile, swaps every wrapping, reseals the webhook secrets, re-indexes the email
/// reservations and moves the fingerprint. From then on only the new key opens anything; a
/// process started with the old one stops, saying the key was rotated away.
public struct MasterKeyRotation: Sendable {
    public struct Summary: Sendable, Equatable {
        public var customerKeys = 0
        public var webhookSecrets = 0
        public var emailReservations = 0
        /// Reservations whose customer has no read-model row to take the address from: left as
        /// they were (they no longer match their address under the new key).
        public var unindexedReservations = 0
        public var alreadyRotated = false
    }

    public enum Refusal: Error, CustomStringConvertible {
        case sameKey
        case anotherRotationUnderWay

        public var description: String {
            switch self {
            case .sameKey: "the new master key is the current one"
            case .anotherRotationUnderWay:
                "a rotation to another master key is under way: finish it by running the command again with that key"
            }
        }
    }

    let store: EventStore
    let current: MasterKey
    let new: MasterKey

    public init(store: EventStore, current: MasterKey, new: MasterKey) {
        self.store = store
        self.current = current
        self.new = new
    }

    public func run(batchSize: Int = 500, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Summary {
        guard current.fingerprint != new.fingerprint else { throw Refusal.sameKey }
        let recorded = try await store.query(SQL("SELECT fingerprint FROM master_key_fingerprint")).first?.string(0)
        if recorded == new.fingerprint { return Summary(alreadyRotated: true) }
        try await PersonalDataVault(masterKey: current).checkMasterKey(on: store)
        let started = try await store.query(SQL(
            """
            INSERT INTO master_key_rotation (new_fingerprint) VALUES ($1)
            ON CONFLICT (singleton) DO UPDATE SET new_fingerprint = master_key_rotation.new_fingerprint
            RETURNING new_fingerprint
            """, [.text(new.fingerprint)])).first?.string(0)
        guard started == new.fingerprint else { throw Refusal.anotherRotationUnderWay }

        var summary = Summary()
        while true {
            let done = try await rewrapBatch(batchSize, on: store)
            if done == 0 { break }
            summary.customerKeys += done
            progress(summary.customerKeys)
        }
        try await store.transaction { transaction in
            // Commands wait here (at most this transaction); they take these tables in this order too.
            _ = try await transaction.query(SQL("SET LOCAL lock_timeout = '30s'"))
            _ = try await transaction.query(SQL(
                "LOCK TABLE customer_keys, email_reservations, webhook_subscriptions IN SHARE ROW EXCLUSIVE MODE"))
            while true {
                let done = try await rewrapBatch(batchSize, on: transaction)
                if done == 0 { break }
                summary.customerKeys += done
            }
            _ = try await transaction.query(SQL(
                "UPDATE customer_keys SET wrapped_key = rewrapped_key, rewrapped_key = NULL WHERE rewrapped_key IS NOT NULL"))
            summary.webhookSecrets = try await resealWebhookSecrets(on: transaction)
            (summary.emailReservations, summary.unindexedReservations) = try await reindexReservations(on: transaction)
            _ = try await transaction.query(SQL(
                "INSERT INTO master_key_history (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING", [.text(current.fingerprint)]))
            _ = try await transaction.query(SQL("UPDATE master_key_fingerprint SET fingerprint = $1", [.text(new.fingerprint)]))
            _ = try await transaction.query(SQL("DELETE FROM master_key_rotation"))
        }
        return summary
    }

    /// Wraps up to `limit` keys not wrapped under the new key yet; returns how many.
    private func rewrapBatch(_ limit: Int, on reader: any StoreReader) async throws -> Int {
        let rows = try await reader.query(SQL(
            """
            SELECT customer_id, wrapped_key FROM customer_keys
            WHERE wrapped_key IS NOT NULL AND rewrapped_key IS NULL ORDER BY customer_id LIMIT $1
            """, [.integer(limit)])).rows
        guard !rows.isEmpty else { return 0 }
        var customers: [String] = [], old: [Data] = [], rewrapped: [Data] = []
        for row in rows {
            let customer = try row.string(0)
            let wrapped = try row.bytes(1)
            customers.append(customer)
            old.append(wrapped)
            rewrapped.append(try new.wrap(try current.unwrap(wrapped, for: customer), for: customer))
        }
        // A key destroyed since it was read keeps no copy (its wrapping no longer matches).
        _ = try await reader.query(SQL(
            """
            UPDATE customer_keys k SET rewrapped_key = decode(u.rewrapped, 'hex')
            FROM unnest($1::text[], $2::text[], $3::text[]) AS u(customer_id, wrapped, rewrapped)
            WHERE k.customer_id = u.customer_id AND k.wrapped_key = decode(u.wrapped, 'hex')
            """, [.texts(customers), .texts(old.map(\.hex)), .texts(rewrapped.map(\.hex))]))
        return rows.count
    }

    private func resealWebhookSecrets(on reader: any StoreReader) async throws -> Int {
        let rows = try await reader.query(SQL("SELECT id, sealed_secret FROM webhook_subscriptions")).rows
        for row in rows {
            let id = try row.string(0)
            let secret = try current.openSecret(try row.bytes(1), for: id)
            _ = try await reader.query(SQL(
                "UPDATE webhook_subscriptions SET sealed_secret = $2 WHERE id = $1", [.text(id), .bytes(try new.sealSecret(secret, for: id))]))
        }
        return rows.count
    }

    /// Each reservation's index under the new key, from its customer's address in the read model.
    private func reindexReservations(on reader: any StoreReader) async throws -> (indexed: Int, left: Int) {
        let newIndex = EmailIndex(masterKey: new)
        let rows = try await reader.query(SQL(
            """
            SELECT r.customer_type, r.email_key, c.email FROM email_reservations r
            LEFT JOIN customers c ON c.id = r.customer_id AND c.email <> $1
            """, [.text(PersonalData.erased)])).rows
        var types: [String] = [], keys: [String] = [], indexed: [String] = []
        var left = 0
        for row in rows {
            guard let email = try row.optionalString(2) else { left += 1; continue }
            types.append(try row.string(0))
            keys.append(try row.string(1))
            indexed.append(newIndex.key(of: email))
        }
        // Two steps, so that no new index meets an old one that equals it mid-statement.
        _ = try await reader.query(SQL(
            """
            UPDATE email_reservations r SET email_key = 'rotating:' || u.indexed
            FROM unnest($1::text[], $2::text[], $3::text[]) AS u(customer_type, email_key, indexed)
            WHERE r.customer_type = u.customer_type AND r.email_key = u.email_key
            """, [.texts(types), .texts(keys), .texts(indexed)]))
        _ = try await reader.query(SQL(
            "UPDATE email_reservations SET email_key = substr(email_key, 10) WHERE email_key LIKE 'rotating:%'"))
        return (indexed.count, left)
    }
}
