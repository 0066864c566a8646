import CustomerService
import EventStore
import Postgres

/// Every projection by name, with how to rebuild and verify it.
struct ProjectionCatalog {
    struct Entry {
        let name: String
        let kind: String
        let tables: [String]
        let rebuild: (@escaping @Sendable (Int) -> Void) async throws -> Int
        let verify: (@escaping @Sendable (Int) -> Void) async throws -> [TableDifferences]
    }

    let store: EventStore
    /// Needed by the inline projection only, whose events carry sealed personal fields.
    let vault: PersonalDataVault?

    /// The asynchronous projectors a service instance runs.
    static let asynchronous: [any Projector] = [CustomerActivityProjector()]

    var entries: [Entry] {
        let vault = vault
        let inline = { () throws(MasterKey.Problem) -> CustomerProjection in
            guard let vault else { throw .missing }
            return CustomerProjection(store: store, vault: vault)
        }
        var entries = [Entry(
            name: "customers", kind: "inline", tables: CustomerReadModel.tables,
            rebuild: { try await inline().rebuild(progress: $0) },
            verify: { try await inline().verify(progress: $0) })]
        for projector in Self.asynchronous {
            let rebuild = ProjectorRebuild(projector: projector, store: store)
            entries.append(Entry(
                name: projector.name, kind: "async", tables: projector.tables,
                rebuild: { try await rebuild.rebuild(progress: $0) },
                verify: { try await rebuild.verify(progress: $0) }))
        }
        return entries
    }

    /// The entries named, in catalog order; all of them when `names` is empty.
    func select(_ names: [String]) throws -> [Entry] {
        let all = entries
        let unknown = names.filter { name in !all.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw CommandFailure("unknown projection \(unknown.joined(separator: ", ")); known: \(all.map(\.name).joined(separator: ", "))")
        }
        return names.isEmpty ? all : all.filter { names.contains($0.name) }
    }
}

/// A failure the command line reports in one sentence, with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
