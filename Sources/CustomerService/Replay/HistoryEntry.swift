import JSON
import Foundation

/// One event of `customers history`: when, who, what, and a one-line summary
/// of what it changed. `data` is the event with every tax identification
/// number masked; the number itself never leaves the log.
public struct HistoryEntry: Codable, Equatable, Sendable {
    public var version: Int64
    public var position: Int64
    public var type: String
    public var recordedAt: Date
    public var actor: String?
    public var commandType: String?
    public var requestId: String?
    public var data: JSONTree
    /// What the event changed, in one line: `address, email, phone, …`.
    public var summary: String

    public init(
        version: Int64, position: Int64, type: String, recordedAt: Date, actor: String?,
        commandType: String?, requestId: String?, data: JSONTree, summary: String
    ) {
        self.version = version
        self.position = position
        self.type = type
        self.recordedAt = recordedAt
        self.actor = actor
        self.commandType = commandType
        self.requestId = requestId
        self.data = data
        self.summary = summary
    }

    /// `v1  2026-03-09T20:46:31.305Z  ops-key  IndividualCustomerCreated  address, email, …`.
    public func text() -> String {
        ["v\(version)", RecordedTime.milliseconds(recordedAt), actor ?? "-", type, summary]
            .filter { !$0.isEmpty }
            .joined(separator: "  ")
    }
}
