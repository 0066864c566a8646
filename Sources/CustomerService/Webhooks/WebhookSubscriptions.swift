import CustomerDomain
import EventStore
import Foundation
import JSON

/// A webhook subscription as the API shows it (never with its secret, but right after creating
/// it or rotating the secret).
public struct WebhookSubscription: Sendable, Equatable, Encodable {
    public let id: String
    public let url: String
    /// Notification names, or `["*"]` for every one.
    public let events: [String]
    public let description: String?
    public let status: String
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
    /// Only in the answer that made the secret.
    public var secret: String?

    public var isEnabled: Bool { status == "enabled" }

    static let columns = "id, url, array_to_json(events)::text, description, enabled, created_at, updated_at"

    init(row: SQLRow) throws {
        id = try row.string(0)
        url = try row.string(1)
        guard case .array(let names)? = JSONTree(json: try row.bytes(2)) else { throw NotificationError.unreadable }
        events = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        description = try row.optionalString(3)
        status = try row.boolean(4) ? "enabled" : "disabled"
        createdAt = Timestamp(try row.date(5))
        updatedAt = Timestamp(try row.date(6))
    }
}

/// What a client asks of a subscription: the fields it gives (nil: unchanged on update).
public struct WebhookSubscriptionInput: Sendable {
    public var url: String?
    public var events: [String]?
    public var description: String?
    public var enabled: Bool?

    public init(url: String? = nil, events: [String]? = nil, description: String? = nil, enabled: Bool? = nil) {
        self.url = url
        self.events = events
        self.description = description
        self.enabled = enabled
    }
}

/// The subscriptions in `webhook_subscriptions`: made, changed and removed here, and nowhere else.
public struct WebhookSubscriptions: Sendable {
    let store: EventStore
    let masterKey: MasterKey
    public let policy: WebhookURLPolicy

    public init(store: EventStore, vault: PersonalDataVault, policy: WebhookURLPolicy) {
        self.store = store
        self.masterKey = vault.masterKey
        self.policy = policy
    }

    /// Every problem of `input`, each at its pointer; `creating` requires url and events.
    public func problems(of input: WebhookSubscriptionInput, creating: Bool) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let url = input.url {
            if let problem = policy.problem(with: url) { problems.append(FieldProblem(pointer: "/url", detail: "Must be allowed: \(problem).")) }
        } else if creating {
            problems.append(FieldProblem(pointer: "/url", detail: "Is required."))
        }
        if let events = input.events {
            if events.isEmpty { problems.append(FieldProblem(pointer: "/events", detail: "Must name at least one notification, or \"*\".")) }
            for (index, name) in events.enumerated() where name != "*" && NotificationName(rawValue: name) == nil {
                problems.append(FieldProblem(
                    pointer: jsonPointer("/events", index),
                    detail: "Must be \"*\" or one of: \(NotificationName.allCases.map(\.rawValue).joined(separator: ", "))."))
            }
            if events.contains("*"), events.count > 1 {
                problems.append(FieldProblem(pointer: "/events", detail: "\"*\" stands alone: it already means every notification."))
            }
        } else if creating {
            problems.append(FieldProblem(pointer: "/events", detail: "Is required."))
        }
        if let description = input.description, TextLength.exceeds(description, 500) {
            problems.append(FieldProblem(pointer: "/description", detail: "Must be at most 500 characters."))
        }
        return problems
    }

    /// Makes a subscription; its answer carries the secret, shown this once. It schedules the
    /// notifications written from now on.
    public func create(_ input: WebhookSubscriptionInput) async throws -> WebhookSubscription {
        let problems = problems(of: input, creating: true)
        guard problems.isEmpty, let url = input.url, let events = input.events else {
            throw CustomerServiceError.domain(.validationFailed(problems))
        }
        let id = "webhook_" + Self.randomHex()
        let secret = WebhookSignature.newSecret()
        let sealed = try masterKey.sealSecret(Data(secret.utf8), for: id)
        let rows = try await store.query(SQL(
            """
            INSERT INTO webhook_subscriptions (id, url, events, description, sealed_secret, cursor_transaction_id, cursor_global_position)
            SELECT $1, $2, $3::text[], $4, $5, coalesce(max(transaction_id), '0'::xid8),
                   coalesce((array_agg(global_position ORDER BY transaction_id DESC, global_position DESC))[1], 0)
            FROM notifications
            RETURNING \(WebhookSubscription.columns)
            """, [.text(id), .text(url), .texts(events), .text(input.description), .bytes(sealed)]))
        var subscription = try WebhookSubscription(row: try Self.one(rows))
        subscription.secret = secret
        return subscription
    }

    public func list() async throws -> [WebhookSubscription] {
        try await store.query(SQL("SELECT \(WebhookSubscription.columns) FROM webhook_subscriptions ORDER BY created_at, id"))
            .rows.map(WebhookSubscription.init(row:))
    }

    public func get(_ id: String) async throws -> WebhookSubscription? {
        try await store.query(SQL("SELECT \(WebhookSubscription.columns) FROM webhook_subscriptions WHERE id = $1", [.text(id)]))
            .first.map(WebhookSubscription.init(row:))
    }

    /// Changes the fields `input` gives; nil when there is no such subscription.
    public func update(_ id: String, _ input: WebhookSubscriptionInput) async throws -> WebhookSubscription? {
        let problems = problems(of: input, creating: false)
        guard problems.isEmpty else { throw CustomerServiceError.domain(.validationFailed(problems)) }
        let rows = try await store.query(SQL(
            """
            UPDATE webhook_subscriptions
            SET url = coalesce($2, url), events = coalesce($3::text[], events), description = coalesce($4, description),
                enabled = coalesce($5::boolean, enabled), updated_at = now()
            WHERE id = $1
            RETURNING \(WebhookSubscription.columns)
            """,
            [.text(id), .text(input.url), input.events.map { .texts($0) } ?? .null, .text(input.description),
             input.enabled.map { .boolean($0) } ?? .null]))
        return try rows.first.map(WebhookSubscription.init(row:))
    }

    /// Removes a subscription with its deliveries; false when there was none.
    public func delete(_ id: String) async throws -> Bool {
        try await store.query(SQL("DELETE FROM webhook_subscriptions WHERE id = $1", [.text(id)])).affectedRows == 1
    }

    /// A new secret, in force at once, shown this once; nil when there is no such subscription.
    public func rotateSecret(_ id: String) async throws -> WebhookSubscription? {
        let secret = WebhookSignature.newSecret()
        let rows = try await store.query(SQL(
            """
            UPDATE webhook_subscriptions SET sealed_secret = $2, updated_at = now() WHERE id = $1
            RETURNING \(WebhookSubscription.columns)
            """, [.text(id), .bytes(try masterKey.sealSecret(Data(secret.utf8), for: id))]))
        guard let row = rows.first else { return nil }
        var subscription = try WebhookSubscription(row: row)
        subscription.secret = secret
        return subscription
    }

    /// The secret of subscription `id`, from its sealed form.
    func openSecret(_ sealed: Data, of id: String) throws -> String {
        String(decoding: try masterKey.openSecret(sealed, for: id), as: UTF8.self)
    }

    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    private static func one(_ rows: SQLRows) throws -> SQLRow {
        guard let row = rows.first else { throw NotificationError.unreadable }
        return row
    }
}
