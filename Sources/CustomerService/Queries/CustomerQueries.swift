import CustomerDomain
import EventStore
import Foundation

/// Reads of the customer read models. Views come back as the JSON the service rendered when it
/// wrote them, so a read returns exactly what the command that wrote it returned.
public struct CustomerQueries: Sendable {
    public let store: EventStore
    /// The `email=` filter looks the address up by its blind index among the reservations.
    let emailIndex: EmailIndex

    public init(store: EventStore, emailIndex: EmailIndex) {
        self.store = store
        self.emailIndex = emailIndex
    }

    /// The customer's view as JSON, nil when there is no such customer.
    public func customer(_ id: CustomerID) async throws -> Data? {
        try await store.query(SQL("SELECT view::text FROM customers WHERE id = $1", [.text(id.rawValue)])).first?.bytes(0)
    }

    /// A page of customers in the filter's order (newest first unless it says otherwise).
    public func customers(_ filter: CustomerFilter) async throws -> (views: [Data], total: Int) {
        let conditions = """
            ($1::text IS NULL OR type = $1)
            AND ($2::text IS NULL OR status = $2)
            AND ($3::text IS NULL OR id IN (SELECT r.customer_id FROM email_reservations r WHERE r.email_key = $3))
            AND ($4::text IS NULL OR strpos(search_text, lower($4)) > 0)
            """
        let parameters: [SQLValue] = [.text(filter.type?.rawValue), .text(filter.status?.rawValue), .text(filter.email.map(emailIndex.key(of:))), .text(filter.search)]
        let total = try await store.query(SQL("SELECT count(*) FROM customers WHERE \(conditions)", parameters)).rows[0].int(0)
        let page = try await store.query(SQL(
            """
            SELECT view::text FROM customers WHERE \(conditions)
            ORDER BY \(filter.sort.orderBy) LIMIT $5 OFFSET $6
            """,
            parameters + [.integer(filter.limit), .integer((filter.page - 1) * filter.limit)]))
        return (try page.rows.map { try $0.bytes(0) }, total)
    }

    /// The business representatives of a customer, oldest first.
    public func representatives(of customer: CustomerID) async throws -> [Data] {
        try await store.query(SQL(
            "SELECT view::text FROM business_representatives WHERE customer_id = $1 ORDER BY created_at, id",
            [.text(customer.rawValue)])).rows.map { try $0.bytes(0) }
    }

    /// A page (from 1) of a customer's business representatives, oldest first, and how many it
    /// has, in one round trip: the count's row stands even when the page is past the end.
    public func representatives(of customer: CustomerID, page: Int, limit: Int) async throws -> (views: [Data], total: Int) {
        let rows = try await store.query(SQL(
            """
            SELECT counted.total, paged.view::text
            FROM (SELECT count(*) AS total FROM business_representatives WHERE customer_id = $1) counted
            LEFT JOIN LATERAL (
                SELECT view, created_at, id FROM business_representatives WHERE customer_id = $1
                ORDER BY created_at, id LIMIT $2 OFFSET $3
            ) paged ON true
            ORDER BY paged.created_at, paged.id
            """,
            [.text(customer.rawValue), .integer(limit), .integer((page - 1) * limit)])).rows
        return (try rows.compactMap { try $0.optionalBytes(1) }, try rows.first?.int(0) ?? 0)
    }

    /// A representative's view and the customer whose stream holds it.
    public func representative(_ id: RepresentativeID) async throws -> (customer: CustomerID, view: Data)? {
        guard let row = try await store.query(SQL(
            "SELECT customer_id, view::text FROM business_representatives WHERE id = $1", [.text(id.rawValue)])).first
        else { return nil }
        guard let customer = CustomerID(rawValue: try row.string(0)) else { return nil }
        return (customer, try row.bytes(1))
    }

    /// A document's view and the customer whose stream holds it.
    public func document(_ id: DocumentID) async throws -> (customer: CustomerID, view: Data)? {
        guard let row = try await store.query(SQL(
            "SELECT customer_id, view::text FROM documents WHERE id = $1", [.text(id.rawValue)])).first
        else { return nil }
        guard let customer = CustomerID(rawValue: try row.string(0)) else { return nil }
        return (customer, try row.bytes(1))
    }

    /// Events per day and type between two UTC days, inclusive, from the activity projector.
    public func activity(from: String, to: String) async throws -> [ActivityCount] {
        try await store.query(SQL(
            """
            SELECT day::text, event_type, events FROM customer_activity
            WHERE day BETWEEN $1::date AND $2::date ORDER BY day, event_type
            """, [.text(from), .text(to)])).rows.map { ActivityCount(day: try $0.string(0), eventType: try $0.string(1), events: try $0.integer(2)) }
    }
}

/// The list's filters and page, already validated (page ≥ 1, 1 ≤ limit ≤ 100).
public struct CustomerFilter: Sendable, Equatable {
    public var page: Int
    public var limit: Int
    public var type: CustomerType?
    public var status: ProfileStatus?
    public var email: String?
    public var search: String?
    public var sort: CustomerSort

    public init(
        page: Int = 1, limit: Int = 10, type: CustomerType? = nil, status: ProfileStatus? = nil,
        email: String? = nil, search: String? = nil, sort: CustomerSort = .newestFirst
    ) {
        self.sort = sort
        self.page = page
        self.limit = limit
        self.type = type
        self.status = status
        self.email = email
        self.search = search
    }
}

/// The orders of the customer list: `sort=createdAt|-createdAt|updatedAt|-updatedAt`; the id
/// breaks ties the same way, so pages never overlap. Each has its index.
public enum CustomerSort: String, Sendable, Equatable, CaseIterable {
    case oldestFirst = "createdAt"
    case newestFirst = "-createdAt"
    case leastRecentlyUpdated = "updatedAt"
    case mostRecentlyUpdated = "-updatedAt"

    var orderBy: String {
        switch self {
        case .oldestFirst: "created_at, id"
        case .newestFirst: "created_at DESC, id DESC"
        case .leastRecentlyUpdated: "updated_at, id"
        case .mostRecentlyUpdated: "updated_at DESC, id DESC"
        }
    }
}

public struct ActivityCount: Sendable, Equatable, Codable {
    public let day: String
    public let eventType: String
    public let events: Int64
}
