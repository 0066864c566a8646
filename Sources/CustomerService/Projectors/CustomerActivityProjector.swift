import CustomerDomain
import EventStore
import Foundation

/// Counts customer events per UTC day and event type, for the activity statistics. It runs
/// asynchronously behind the fence; a batch becomes one upsert.
public struct CustomerActivityProjector: AsynchronousProjector {
    public let name = "customer_activity"
    public let tables = ["customer_activity"]
    /// Counting needs the stream, type and time of an event, not its body.
    public let readsEventBodies = false

    public init() {}

    public func statements(for events: [RecordedEvent], tables: TableNames) throws -> [SQL] {
        var counts: [Key: Int64] = [:]
        for event in events where event.streamId.hasPrefix("customer_") {
            counts[Key(day: Self.day(of: event.recordedAt), type: event.type), default: 0] += 1
        }
        guard !counts.isEmpty else { return [] }
        let keys = counts.keys.sorted { ($0.day, $0.type) < ($1.day, $1.type) }
        return [SQL(
            """
            INSERT INTO \(tables["customer_activity"]) AS a (day, event_type, events)
            SELECT * FROM unnest($1::date[], $2::text[], $3::bigint[])
            ON CONFLICT (day, event_type) DO UPDATE SET events = a.events + excluded.events
            """,
            [.texts(keys.map(\.day)), .texts(keys.map(\.type)), .integers(keys.map { counts[$0]! })])]
    }

    private struct Key: Hashable {
        let day: String
        let type: String
    }

    /// `YYYY-MM-DD` of the instant in UTC.
    static func day(of date: Date) -> String {
        Timestamp(date).day.iso8601
    }
}
