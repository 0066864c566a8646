import Foundation

/// One event of a replay and what it changed: the fields of the customer,
/// its representatives and documents, the criteria that moved between lists
/// and the profile statuses that changed.
public struct ReplayStep: Codable, Equatable, Sendable {
    public var version: Int64
    public var position: Int64
    public var type: String
    public var recordedAt: Date
    public var actor: String?
    public var fieldChanges: [FieldChange]
    public var criterionMoves: [CriterionMove]
    public var statusChanges: [StatusChange]

    public init(
        version: Int64, position: Int64, type: String, recordedAt: Date, actor: String?,
        fieldChanges: [FieldChange], criterionMoves: [CriterionMove], statusChanges: [StatusChange]
    ) {
        self.version = version
        self.position = position
        self.type = type
        self.recordedAt = recordedAt
        self.actor = actor
        self.fieldChanges = fieldChanges
        self.criterionMoves = criterionMoves
        self.statusChanges = statusChanges
    }

    /// A block of text: a header line, then one indented line per change.
    ///
    ///     v3 DocumentUploaded  2026-03-09T20:46:31.305Z  by ops-key
    ///       /documents/document_…: added (passport, pending)
    ///       kyc_profile_a (customer_…): identity_document required → pending
    public func text() -> String {
        let header = "v\(version) \(type)  \(RecordedTime.milliseconds(recordedAt))  by \(actor ?? "-")"
        var lines = fieldChanges.map(\.text) + criterionMoves.map(\.text) + statusChanges.map(\.text)
        if lines.isEmpty { lines = ["(no visible change)"] }
        return ([header] + lines.map { "  " + $0 }).joined(separator: "\n") + "\n"
    }
}
