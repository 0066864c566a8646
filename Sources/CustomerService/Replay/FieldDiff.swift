import JSON
/// The field changes between two snapshots, sorted by path so that the same
/// two states always give the same list.
enum FieldDiff {
    static func changes(from before: ViewSnapshot, to after: ViewSnapshot) -> [FieldChange] {
        let changes = leafChanges(from: before.customer, to: after.customer)
            + entityChanges(from: before.representatives, to: after.representatives, under: "/representatives")
            + entityChanges(from: before.documents, to: after.documents, under: "/documents")
        return changes.sorted { $0.path < $1.path }
    }

    /// Representatives and documents: arrivals and departures as one change
    /// each, and field by field for those present on both sides.
    private static func entityChanges(
        from before: [String: ViewSnapshot.Entity], to after: [String: ViewSnapshot.Entity], under collection: String
    ) -> [FieldChange] {
        var changes: [FieldChange] = []
        for id in Set(before.keys).union(after.keys) {
            let path = collection + "/" + JSONPointer.token(id)
            switch (before[id], after[id]) {
            case (nil, let added?):
                changes.append(FieldChange(path: path, kind: .added, before: nil, after: added.summary))
            case (let removed?, nil):
                changes.append(FieldChange(path: path, kind: .removed, before: removed.summary, after: nil))
            case (let old?, let new?):
                changes += leafChanges(from: old.leaves, to: new.leaves, under: path)
            case (nil, nil):
                break
            }
        }
        return changes
    }

    private static func leafChanges(
        from before: [String: JSONTree], to after: [String: JSONTree], under prefix: String = ""
    ) -> [FieldChange] {
        var changes: [FieldChange] = []
        for path in Set(before.keys).union(after.keys) {
            let fullPath = prefix + path
            switch (before[path], after[path]) {
            case (nil, let added?):
                changes.append(FieldChange(path: fullPath, kind: .added, before: nil, after: added.rendered))
            case (let removed?, nil):
                changes.append(FieldChange(path: fullPath, kind: .removed, before: removed.rendered, after: nil))
            case (let old?, let new?) where old != new:
                changes.append(FieldChange(path: fullPath, kind: .changed, before: old.rendered, after: new.rendered))
            default:
                break
            }
        }
        return changes
    }
}
