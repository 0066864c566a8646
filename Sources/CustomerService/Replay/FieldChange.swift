/// One difference in what the customer's views show, named by its JSON
/// pointer: a field of the customer (`/address/city`), of a representative
/// (`/representatives/associatedPerson_…/email`) or of a document
/// (`/documents/document_…/status`), or a whole representative or document
/// that arrived or left.
public struct FieldChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case added
        case removed
        case changed
    }

    public var path: String
    public var kind: Kind
    /// The value before, as one line of text (a JSON value, or a short
    /// description of a whole representative or document); nil when added.
    public var before: String?
    /// The value after, in the same form; nil when removed.
    public var after: String?

    public init(path: String, kind: Kind, before: String?, after: String?) {
        self.path = path
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// `/address/city: "Chicago" → "Evanston"`.
    public var text: String {
        switch kind {
        case .added: "\(path): added \(after ?? "")"
        case .removed: "\(path): removed \(before ?? "")"
        case .changed: "\(path): \(before ?? "") → \(after ?? "")"
        }
    }
}
