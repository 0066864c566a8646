import CustomerDomain
import EventStore
import Foundation

/// The event feed: every notification exactly once, in the order the log commits them behind
/// the xid fence (the outbox is written in that order), after an opaque cursor; a reader waits,
/// up to `wait`, when nothing is new.
public struct NotificationFeed: Sendable {
    let store: EventStore
    let renderer: NotificationRenderer

    public init(store: EventStore, history: CustomerHistory) {
        self.store = store
        self.renderer = NotificationRenderer(history: history)
    }

    /// A page of the feed: the notifications' bodies and the cursor to read after them.
    public struct Page: Sendable {
        public let bodies: [Data]
        public let next: FeedCursor
    }

    public func page(after cursor: FeedCursor, limit: Int, wait: Duration) async throws -> Page {
        let deadline = ContinuousClock.now + wait
        // After a wake-up the outbox runner still has to apply the new events: look again soon,
        // then less and less often, at most a second apart.
        var pause = Duration.milliseconds(10)
        while true {
            let seen = await store.appendGeneration()
            let notifications = try await self.notifications(after: cursor, limit: limit)
            if let last = notifications.last {
                return Page(bodies: try await renderer.bodies(of: notifications), next: FeedCursor(last.id.position))
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return Page(bodies: [], next: cursor) }
            await store.waitForAppends(after: seen, timeout: min(remaining, pause))
            let woken = await store.appendGeneration() != seen
            pause = woken ? .milliseconds(10) : min(pause * 2, .seconds(1))
        }
    }

    /// One notification's body, nil when there is none with that id.
    public func notification(_ id: NotificationID) async throws -> Data? {
        let rows = try await store.query(SQL(
            "SELECT \(Notification.columns) FROM notifications WHERE id = $1", [.text(id.rawValue)]))
        guard let row = rows.first else { return nil }
        return try await renderer.bodies(of: [try Notification(row: row)]).first
    }

    private func notifications(after cursor: FeedCursor, limit: Int) async throws -> [Notification] {
        try await store.query(SQL(
            """
            SELECT \(Notification.columns) FROM notifications
            WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
            ORDER BY transaction_id, global_position
            LIMIT $3
            """, [.text(String(cursor.position.transactionId)), .integer(cursor.position.position), .integer(limit)]
        )).rows.map(Notification.init(row:))
    }
}

/// Where a feed reader is: a log position, opaque to the reader (`c1.` and the position in
/// base64url), so its form can change without breaking clients that only pass it back.
public struct FeedCursor: Sendable, Equatable, CustomStringConvertible {
    public let position: GlobalPosition

    public init(_ position: GlobalPosition) {
        self.position = position
    }

    /// Before every notification.
    public static let start = FeedCursor(.start)

    public init?(text: String) {
        guard text.hasPrefix("c1."), text.utf8.count <= 64 else { return nil }
        var base64 = String(text.dropFirst(3)).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: "/")
        guard parts.count == 2, let transaction = UInt64(parts[0]), let position = Int64(parts[1]), position >= 0 else { return nil }
        self.init(GlobalPosition(transactionId: transaction, position: position))
    }

    public var description: String {
        let base64 = Data("\(position.transactionId)/\(position.position)".utf8).base64EncodedString()
        return "c1." + base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
