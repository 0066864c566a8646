import CustomerService
import EventStore

/// Every projector of the service, inline and asynchronous alike: one list, one rebuild, one
/// verify and one status for all of them.
struct ProjectionCatalog {
    /// The projectors that a service instance runs behind the fence.
    static let asynchronous: [any AsynchronousProjector] = [CustomerActivityProjector(), NotificationOutbox()]

    /// Every projector; the inline customer read models need the vault (their events carry
    /// sealed personal fields), so without one the catalog lists only the others' replays
    /// as runnable, and refuses to rebuild the inline one.
    static func projectors(vault: PersonalDataVault?) -> [any Projector] {
        let inline: any Projector = vault.map { CustomerReadModelProjector(vault: $0) } ?? MissingMasterKey()
        return [inline] + asynchronous
    }

    /// The projectors named, in catalog order; all of them when `names` is empty.
    static func select(_ names: [String], vault: PersonalDataVault?) throws -> [any Projector] {
        let all = projectors(vault: vault)
        let unknown = names.filter { name in !all.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw CommandFailure("unknown projection \(unknown.joined(separator: ", ")); known: \(all.map(\.name).joined(separator: ", "))")
        }
        return names.isEmpty ? all : all.filter { names.contains($0.name) }
    }
}

/// The customer read models' projector where no master key was given: listed (for status),
/// but any replay of it fails with the reason.
private struct MissingMasterKey: Projector {
    let name = "customers"
    let tables = CustomerReadModel.tables
    let kind = ProjectorKind.inline

    func replay(into tables: TableNames) -> any ProjectorReplay { Refusing() }

    final class Refusing: ProjectorReplay, Sendable {
        func statements(for events: [RecordedEvent], reader: any StoreReader) async throws -> [SQL] {
            throw MasterKey.Problem.missing
        }

        func flush(reader: any StoreReader) async throws -> [SQL] { [] }
        func finish() throws {}
    }
}

/// A failure the command line reports in one sentence, with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
