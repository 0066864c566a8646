/// Where an event sits in the whole log, in the order tailing readers see it: first by the
/// writing transaction's id, then by insertion position. A reader's checkpoint is one of these.
public struct GlobalPosition: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let transactionId: UInt64
    public let position: Int64

    public init(transactionId: UInt64, position: Int64) {
        self.transactionId = transactionId
        self.position = position
    }

    /// Before every event.
    public static let start = GlobalPosition(transactionId: 0, position: 0)

    public static func < (lhs: GlobalPosition, rhs: GlobalPosition) -> Bool {
        (lhs.transactionId, lhs.position) < (rhs.transactionId, rhs.position)
    }

    public var description: String { "\(transactionId)/\(position)" }
}
