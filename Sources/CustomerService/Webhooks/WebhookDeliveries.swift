import CustomerDomain
import EventStore
import Foundation
import JSON

/// A delivery of one notification to one subscription, with its attempts, as the API lists it.
public struct WebhookDelivery: Sendable, Encodable {
    public struct Attempt: Sendable, Encodable {
        public let attempt: Int
        public let attemptedAt: Timestamp
        public let durationMs: Int
        public let statusCode: Int?
        public let error: String?
    }

    public let id: String
    public let subscriptionId: String
    public let notificationId: String
    public let customerId: String
    public let status: String
    public let attempts: [Attempt]
    public let nextAttemptAt: Timestamp?
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
}

/// A delivery a worker has claimed, with what it takes to send it: it alone sends it until its
/// lease ends.
struct ClaimedDelivery: Sendable {
    let id: String
    let subscription: String
    let notification: Notification
    let attempt: Int
    let firstAttemptAt: Date
    let url: String
    let sealedSecret: Data
}

/// How one attempt went.
struct DeliveryOutcome: Sendable {
    let attemptedAt: Date
    let duration: Duration
    let statusCode: Int?
    let error: String?

    var succeeded: Bool { statusCode.map { (200...299).contains($0) } ?? false }
}

/// Delivery state in PostgreSQL, shared by every instance: scheduling notifications into
/// deliveries, claiming due ones (row locks, `SKIP LOCKED`, a lease), recording attempts.
public struct WebhookDeliveries: Sendable {
    let store: EventStore
    let schedule: RetrySchedule

    public init(store: EventStore, schedule: RetrySchedule = RetrySchedule()) {
        self.store = store
        self.schedule = schedule
    }

    /// Turns the notifications after each enabled subscription's cursor into its deliveries (those
    /// whose name it subscribes to) and moves its cursor, up to `limit` notifications per
    /// subscription; a subscription another instance is scheduling is skipped. Returns how many
    /// deliveries were made.
    @discardableResult
    func scheduleNew(limit: Int = 500) async throws -> Int {
        let rows = try await store.query(SQL(
            """
            WITH subscription AS (
                SELECT id, events, cursor_transaction_id, cursor_global_position
                FROM webhook_subscriptions WHERE enabled FOR UPDATE SKIP LOCKED
            ), taken AS (
                SELECT s.id AS subscription_id, s.events, n.id, n.name, n.customer_id, n.transaction_id, n.global_position
                FROM subscription s CROSS JOIN LATERAL (
                    SELECT id, name, customer_id, transaction_id, global_position FROM notifications
                    WHERE (transaction_id, global_position) > (s.cursor_transaction_id, s.cursor_global_position)
                    ORDER BY transaction_id, global_position
                    LIMIT $1
                ) n
            ), made AS (
                INSERT INTO webhook_deliveries (id, subscription_id, notification_id, customer_id, transaction_id, global_position)
                SELECT 'delivery_' || md5(subscription_id || '/' || id), subscription_id, id, customer_id, transaction_id, global_position
                FROM taken WHERE name = ANY(events) OR '*' = ANY(events)
                ON CONFLICT (subscription_id, notification_id) DO NOTHING
                RETURNING 1
            ), last AS (
                SELECT DISTINCT ON (subscription_id) subscription_id, transaction_id, global_position
                FROM taken ORDER BY subscription_id, transaction_id DESC, global_position DESC
            ), moved AS (
                UPDATE webhook_subscriptions s
                SET cursor_transaction_id = last.transaction_id, cursor_global_position = last.global_position
                FROM last WHERE s.id = last.subscription_id
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM made), (SELECT count(*) FROM moved)
            """, [.integer(limit)]))
        return try rows.first?.int(0) ?? 0
    }

    /// Claims up to `limit` due deliveries of enabled subscriptions: each the earliest open one of
    /// its subscription and customer (so a customer's notifications go out in log order), at most
    /// `perSubscription` in flight per subscription across every instance, each for `lease`.
    /// Per subscription it walks the open deliveries by when they are due and stops once it has
    /// its free slots' worth, so a long backlog costs no more than a short one.
    func claim(limit: Int, perSubscription: Int, lease: Duration) async throws -> [ClaimedDelivery] {
        guard limit > 0 else { return [] }
        let rows = try await store.query(SQL(
            """
            WITH candidate AS (
                SELECT c.id, c.next_attempt_at, c.transaction_id, c.global_position
                FROM webhook_subscriptions s
                CROSS JOIN LATERAL (
                    SELECT count(*) AS sending FROM webhook_deliveries b
                    WHERE b.subscription_id = s.id AND b.status = 'sending' AND b.lease_until >= now()
                ) busy
                CROSS JOIN LATERAL (
                    SELECT d.id, d.next_attempt_at, d.transaction_id, d.global_position
                    FROM webhook_deliveries d
                    WHERE d.subscription_id = s.id AND d.status IN ('pending', 'sending') AND d.next_attempt_at <= now()
                      AND (d.status = 'pending' OR d.lease_until < now())
                      -- The head of its queue (subscription and customer), from the in-order index.
                      AND (d.transaction_id, d.global_position) = (
                          SELECT e.transaction_id, e.global_position FROM webhook_deliveries e
                          WHERE e.queue = d.queue AND e.status IN ('pending', 'sending')
                          ORDER BY e.transaction_id, e.global_position
                          LIMIT 1)
                    ORDER BY d.next_attempt_at, d.transaction_id, d.global_position
                    LIMIT greatest($2 - busy.sending, 0)
                    FOR UPDATE OF d SKIP LOCKED
                ) c
                WHERE s.enabled
            )
            UPDATE webhook_deliveries d
            SET status = 'sending', lease_until = now() + make_interval(secs => $3), attempts = d.attempts + 1,
                first_attempt_at = coalesce(d.first_attempt_at, now()), updated_at = now()
            FROM notifications n, webhook_subscriptions s
            -- An array of ids, so the update finds its rows by key however long the table's history.
            WHERE d.id = ANY(ARRAY(SELECT id FROM candidate ORDER BY next_attempt_at, transaction_id, global_position LIMIT $1))
              AND n.id = d.notification_id AND s.id = d.subscription_id
            RETURNING \(Notification.columns(of: "n")), d.id, d.subscription_id, d.attempts, d.first_attempt_at, s.url, s.sealed_secret
            """, [.integer(limit), .integer(perSubscription), .double(RetrySchedule.seconds(lease))]))
        let offset = Notification.columnCount
        return try rows.rows.map { row in
            ClaimedDelivery(
                id: try row.string(offset), subscription: try row.string(offset + 1), notification: try Notification(row: row),
                attempt: try row.int(offset + 2), firstAttemptAt: try row.date(offset + 3),
                url: try row.string(offset + 4), sealedSecret: try row.bytes(offset + 5))
        }
    }

    /// Records an attempt and what follows it: delivered, another attempt later, or failed for
    /// good. A worker whose lease passed (and whose delivery another worker took over) records
    /// its attempt but changes nothing else. Returns the delivery's status after it.
    @discardableResult
    func record(_ outcome: DeliveryOutcome, of delivery: ClaimedDelivery) async throws -> String {
        let wait = outcome.succeeded
            ? nil : schedule.wait(afterAttempt: delivery.attempt, firstAttemptAt: delivery.firstAttemptAt, now: outcome.attemptedAt)
        let status = outcome.succeeded ? "delivered" : wait == nil ? "failed" : "pending"
        let next = outcome.attemptedAt.addingTimeInterval(wait.map(RetrySchedule.seconds) ?? 0)
        let durationMs = Int(RetrySchedule.seconds(outcome.duration) * 1000)
        // One statement, so the attempt and the delivery's new state commit together.
        _ = try await store.query(SQL(
            """
            WITH attempt AS (
                INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
                RETURNING 1
            )
            UPDATE webhook_deliveries
            SET status = $7, next_attempt_at = $8, lease_until = NULL, last_status_code = $5, last_error = $6, updated_at = now()
            WHERE id = $1 AND attempts = $2 AND status = 'sending'
            """,
            [.text(delivery.id), .integer(delivery.attempt), .timestamp(outcome.attemptedAt), .integer(durationMs),
             .integer(outcome.statusCode.map(Int64.init)), .text(outcome.error), .text(status), .timestamp(next)]))
        return status
    }

    /// Sends a delivery again from its first attempt on (a new 24 h of retries); false when the
    /// subscription has no such delivery.
    public func redeliver(_ delivery: String, of subscription: String) async throws -> Bool {
        try await store.query(SQL(
            """
            UPDATE webhook_deliveries
            SET status = 'pending', next_attempt_at = now(), lease_until = NULL, first_attempt_at = NULL, updated_at = now()
            WHERE id = $1 AND subscription_id = $2
            """, [.text(delivery), .text(subscription)])).affectedRows == 1
    }

    /// A subscription's deliveries, newest first, with their attempts; `status` filters, `after`
    /// (a delivery id) pages.
    public func list(of subscription: String, status: String?, after: String?, limit: Int) async throws -> [WebhookDelivery] {
        let rows = try await store.query(SQL(
            """
            SELECT d.id, d.subscription_id, d.notification_id, d.customer_id, d.status,
                   CASE WHEN d.status IN ('pending', 'sending') THEN d.next_attempt_at END, d.created_at, d.updated_at,
                   coalesce((SELECT json_agg(json_build_object(
                       'attempt', a.attempt,
                       'attemptedAt', to_char(a.attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       'durationMs', a.duration_ms,
                       'statusCode', a.status_code, 'error', a.error) ORDER BY a.attempt)
                     FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]')::text
            FROM webhook_deliveries d
            WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2)
              AND ($3::text IS NULL OR (d.created_at, d.id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = $3))
            ORDER BY d.created_at DESC, d.id DESC
            LIMIT $4
            """, [.text(subscription), .text(status), .text(after), .integer(limit)]))
        return try rows.rows.map { row in
            WebhookDelivery(
                id: try row.string(0), subscriptionId: try row.string(1), notificationId: try row.string(2),
                customerId: try row.string(3), status: try row.string(4),
                attempts: try Self.attempts(try row.bytes(8)),
                nextAttemptAt: try row.optionalDate(5).map(Timestamp.init), createdAt: Timestamp(try row.date(6)),
                updatedAt: Timestamp(try row.date(7)))
        }
    }

    private static func attempts(_ json: Data) throws -> [WebhookDelivery.Attempt] {
        guard case .array(let items)? = JSONTree(json: json) else { return [] }
        return items.compactMap { item in
            guard case .object(let members) = item, case .integer(let attempt)? = members["attempt"],
                  case .string(let at)? = members["attemptedAt"], case .integer(let duration)? = members["durationMs"]
            else { return nil }
            let statusCode: Int? = if case .integer(let code)? = members["statusCode"] { Int(code) } else { nil }
            let error: String? = if case .string(let text)? = members["error"] { text } else { nil }
            return WebhookDelivery.Attempt(
                attempt: Int(attempt), attemptedAt: Timestamp(iso8601: at) ?? Timestamp(millisecondsSince1970: 0),
                durationMs: Int(duration), statusCode: statusCode, error: error)
        }
    }

    /// Per subscription: deliveries waiting, the age of the oldest one, the last success and the
    /// last failure, for `customers webhooks status` and the metrics.
    public struct Backlog: Sendable {
        public let subscription: String
        public let url: String
        public let enabled: Bool
        public let waiting: Int
        public let oldestWaitingSince: Date?
        public let lastDelivered: Date?
        public let lastFailure: Date?
        public let failed: Int
    }

    public func backlogs() async throws -> [Backlog] {
        try await store.query(SQL(
            """
            SELECT s.id, s.url, s.enabled,
                   count(d.id) FILTER (WHERE d.status IN ('pending', 'sending')),
                   min(d.created_at) FILTER (WHERE d.status IN ('pending', 'sending')),
                   max(d.updated_at) FILTER (WHERE d.status = 'delivered'),
                   (SELECT max(a.attempted_at) FROM webhook_delivery_attempts a JOIN webhook_deliveries f ON f.id = a.delivery_id
                    WHERE f.subscription_id = s.id AND (a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299)),
                   count(d.id) FILTER (WHERE d.status = 'failed')
            FROM webhook_subscriptions s LEFT JOIN webhook_deliveries d ON d.subscription_id = s.id
            GROUP BY s.id ORDER BY s.created_at, s.id
            """)).rows.map { row in
            Backlog(
                subscription: try row.string(0), url: try row.string(1), enabled: try row.boolean(2), waiting: try row.int(3),
                oldestWaitingSince: try row.optionalDate(4), lastDelivered: try row.optionalDate(5),
                lastFailure: try row.optionalDate(6), failed: try row.int(7))
        }
    }
}
