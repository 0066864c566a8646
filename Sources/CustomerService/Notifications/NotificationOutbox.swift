import CustomerDomain
import EventStore
import Foundation

/// The asynchronous projector of the outbox: one notification per customer event, written behind
/// the xid fence in the order tailing readers see the log, with an id derived from the event's
/// position. Webhook deliveries and the event feed both read it.
public struct NotificationOutbox: AsynchronousProjector {
    public let name = "notifications"
    public let tables = ["notifications"]

    /// Batches from this many events up decode in parallel (a rebuild reads 10,000 at a time).
    static let parallelBatch = 2_000

    public init() {}

    public func statements(for events: [RecordedEvent], tables: TableNames) throws -> [SQL] {
        var rows = (ids: [String](), names: [String](), customers: [String](), documents: [String?](),
                    versions: [Int64](), transactions: [String](), positions: [Int64](), times: [String]())
        let own = events.filter { $0.streamId.hasPrefix(CustomerID.prefix) }
        // The name and the document come from fields that are never sealed: no key is needed.
        let decode: @Sendable (RecordedEvent) throws -> NotificationOfEvent = { event in
            try CustomerEvent.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data).notification
        }
        // Decoding dominates a rebuild's batches, and each event decodes on its own: those are
        // spread over the cores; the live runner's few events decode where they are.
        let notifications = own.count >= Self.parallelBatch ? try ParallelMap.map(own, decode) : try own.map(decode)
        for (event, notification) in zip(own, notifications) {
            rows.ids.append(NotificationID(event.position).rawValue)
            rows.names.append(notification.name.rawValue)
            rows.customers.append(event.streamId)
            rows.documents.append(notification.document?.rawValue)
            rows.versions.append(event.streamVersion)
            rows.transactions.append(String(event.position.transactionId))
            rows.positions.append(event.position.position)
            rows.times.append(Timestamp(event.recordedAt).iso8601)
        }
        guard !rows.ids.isEmpty else { return [] }
        return [SQL(
            """
            INSERT INTO \(tables["notifications"])
                (id, name, customer_id, document_id, stream_version, transaction_id, global_position, created_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::xid8[], $7::bigint[],
                                 $8::timestamptz[])
            ON CONFLICT (id) DO NOTHING
            """,
            [.texts(rows.ids), .texts(rows.names), .texts(rows.customers), .optionalTexts(rows.documents),
             .integers(rows.versions), .texts(rows.transactions), .integers(rows.positions), .texts(rows.times)])]
    }
}

/// `event_` + 32 hex digits: the event's transaction id and global position, 16 digits each,
/// so the id is the log position itself and no two changes ever share one.
public struct NotificationID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public static let prefix = "event_"
    public let rawValue: String

    public init(_ position: GlobalPosition) {
        rawValue = Self.prefix + Self.hex(position.transactionId) + Self.hex(UInt64(bitPattern: position.position))
    }

    public init?(rawValue: String) {
        guard rawValue.hasPrefix(Self.prefix) else { return nil }
        let digits = rawValue.dropFirst(Self.prefix.count)
        guard digits.count == 32, digits.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
              UInt64(digits.prefix(16), radix: 16) != nil, UInt64(digits.suffix(16), radix: 16) != nil
        else { return nil }
        self.rawValue = rawValue
    }

    /// The log position the id names.
    public var position: GlobalPosition {
        let digits = rawValue.dropFirst(Self.prefix.count)
        return GlobalPosition(
            transactionId: UInt64(digits.prefix(16), radix: 16) ?? 0,
            position: Int64(bitPattern: UInt64(digits.suffix(16), radix: 16) ?? 0))
    }

    public var description: String { rawValue }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
