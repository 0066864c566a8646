import CustomerDomain
import EventStore
import Foundation
import JSON

/// One notification of the outbox, as stored: what happened, to whom, at which version.
public struct Notification: Sendable, Equatable {
    public let id: NotificationID
    public let name: NotificationName
    public let customer: CustomerID
    public let document: DocumentID?
    public let version: Int64
    public let createdAt: Timestamp

    /// The columns `init(row:)` reads, in order.
    static let columns = columns(of: nil)
    static let columnCount = 6

    /// The columns, qualified by `table` where a query joins others.
    static func columns(of table: String?) -> String {
        let prefix = table.map { "\($0)." } ?? ""
        return ["id", "name", "customer_id", "document_id", "stream_version", "created_at"].map { prefix + $0 }.joined(separator: ", ")
    }

    init(row: SQLRow) throws {
        guard let id = NotificationID(rawValue: try row.string(0)), let name = NotificationName(rawValue: try row.string(1)),
              let customer = CustomerID(rawValue: try row.string(2))
        else { throw NotificationError.unreadable }
        self.id = id
        self.name = name
        self.customer = customer
        document = try row.optionalString(3).flatMap(DocumentID.init(rawValue:))
        version = try row.integer(4)
        createdAt = Timestamp(try row.date(5))
    }
}

enum NotificationError: Error {
    case unreadable
}

/// Renders notifications as subscribers and the feed receive them:
/// `{"id", "name", "createdAt", "data"}`, where `data` is the customer (or the document) as the
/// API renders it at the notification's version, folded from the log now, so personal data shows
/// as the API shows it (no tax number; erased once the customer is forgotten).
public struct NotificationRenderer: Sendable {
    let history: CustomerHistory

    /// The bodies of `notifications`, in their order; each customer's stream is read once.
    func bodies(of notifications: [Notification]) async throws -> [Data] {
        var states: [CustomerID: [Int64: CustomerState]] = [:]
        for (customer, wanted) in Dictionary(grouping: notifications, by: \.customer) {
            let events = try await history.events(of: customer)
            let versions = Set(wanted.map(\.version))
            var state = CustomerState.initial
            var atVersion: [Int64: CustomerState] = [:]
            for event in events {
                state = evolve(state, try event.decoded())
                if versions.contains(event.version) { atVersion[event.version] = state }
            }
            states[customer] = atVersion
        }
        return try notifications.map { notification in
            let state = states[notification.customer]?[notification.version] ?? .initial
            return Data(CanonicalJSON.bytes(of: .object([
                "id": .string(notification.id.rawValue),
                "name": .string(notification.name.rawValue),
                "createdAt": .string(notification.createdAt.iso8601),
                "data": try Self.data(of: notification, in: state),
            ])))
        }
    }

    private static func data(of notification: Notification, in state: CustomerState) throws -> JSONTree {
        guard let customer = state.customer else { return .null }
        if let document = notification.document {
            return try customer.document(document).map { try JSONTreeEncoder().encode(DocumentView($0)) } ?? .null
        }
        return try JSONTreeEncoder().encode(CustomerView(customer))
    }
}
