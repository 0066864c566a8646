import JSON
import CustomerDomain

/// What the views of one state show, flattened to JSON-pointer leaves so two
/// states can be compared field by field. Profiles are left out (replay
/// reports them criterion by criterion) and so is `updatedAt`, which every
/// event moves and which would only repeat the step's own time.
struct ViewSnapshot {
    /// A representative or document: its fields and a one-line description.
    struct Entity {
        var leaves: [String: JSONTree]
        var summary: String
    }

    var customer: [String: JSONTree] = [:]
    var representatives: [String: Entity] = [:]
    var documents: [String: Entity] = [:]

    static let omittedKeys: Set<String> = ["verificationProfiles", "updatedAt"]

    init(_ state: CustomerState) {
        guard let customer = state.customer else { return }
        self.customer = Self.leaves(of: CustomerView(customer))
        for view in BusinessRepresentativeView.all(in: state) {
            representatives[view.id.rawValue] = Entity(leaves: Self.leaves(of: view), summary: Self.summary(of: view))
        }
        for document in customer.documents {
            let view = DocumentView(document)
            documents[view.id.rawValue] = Entity(leaves: Self.leaves(of: view), summary: Self.summary(of: view))
        }
    }

    private static func leaves(of view: some Encodable) -> [String: JSONTree] {
        guard case .object(var members)? = JSONTree(encoding: view) else { return [:] }
        for key in omittedKeys { members[key] = nil }
        return JSONPointer.leaves(of: .object(members))
    }

    /// `(Jane Doe, jane@acme.example)`.
    private static func summary(of representative: BusinessRepresentativeView) -> String {
        let name = [representative.firstName, representative.lastName].compactMap { $0 }.joined(separator: " ")
        return "(" + (name.isEmpty ? "" : name + ", ") + representative.email + ")"
    }

    /// `(passport, pending)`, naming the representative when the document is theirs.
    private static func summary(of document: DocumentView) -> String {
        let owner = document.target == .businessRepresentative ? " for \(document.targetId)" : ""
        return "(\(document.documentType.rawValue)\(owner), \(document.status.rawValue))"
    }
}
