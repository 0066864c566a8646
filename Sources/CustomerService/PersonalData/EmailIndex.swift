import Crypto
import EventStore
import Foundation

/// The keyed blind index of an email address: HMAC-SHA-256, under a key derived from the master
/// key, of the normalised (lower-cased) address, in hex. Email reservations are keyed by it, so
/// uniqueness and the list's `email=` filter work while the reservation table holds no address.
public struct EmailIndex: Sendable {
    private let key: Data

    init(masterKey: MasterKey) {
        key = masterKey.derivedKey(for: "customers email blind index v1")
    }

    /// Emails are ASCII (validation refuses anything else), so lower-casing is the whole
    /// normalisation.
    static func normalised(_ email: String) -> String { email.lowercased() }

    public func key(of email: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(Self.normalised(email).utf8), using: SymmetricKey(data: key))).hex
    }

    /// Reservations made before the index hold the address itself (an index is hex, never holds
    /// an `@`): replaces each with its index, in batches. Serving starts only after, so every
    /// reservation compares by index. Returns how many it replaced.
    @discardableResult
    public func indexLegacyReservations(on store: EventStore, batch: Int = 1_000) async throws -> Int {
        var replaced = 0
        while true {
            let rows = try await store.query(SQL(
                "SELECT customer_type, email_key FROM email_reservations WHERE strpos(email_key, '@') > 0 LIMIT $1",
                [.integer(batch)])).rows
            if rows.isEmpty { return replaced }
            let types = try rows.map { try $0.string(0) }
            let plain = try rows.map { try $0.string(1) }
            let changed = try await store.query(SQL(
                """
                UPDATE email_reservations r SET email_key = u.indexed
                FROM unnest($1::text[], $2::text[], $3::text[]) AS u(customer_type, plain, indexed)
                WHERE r.customer_type = u.customer_type AND r.email_key = u.plain
                """, [.texts(types), .texts(plain), .texts(plain.map(key(of:)))]))
            replaced += changed.affectedRows
        }
    }
}
