import CustomerDomain
import EventStore
import Foundation

/// A replay of the log into the customer read models (for rebuild and verify): every customer's
/// state folded by the same `evolve` that commands decide with, and its rows written whenever the
/// replay has caught up. Keys are read after the events of each batch, on the replay's own
/// connection: a key commits with its customer's first sealed events, so it is always there.
final class CustomerReplay: ProjectorReplay, @unchecked Sendable {
    // Touched by one task at a time: the rebuild's, batch after batch.
    private var states: [String: (state: CustomerState, version: Int64)] = [:]
    /// Events that arrived before an earlier version of their stream (a writer that appended
    /// outside a command can commit in another order than its transaction id says); applied as
    /// soon as the gap closes.
    private var waiting: [String: [Int64: CustomerEvent]] = [:]
    private var changed: Set<String> = []
    /// Whether rows were written already: until then the shadow tables are empty, and the
    /// first flush (the bulk of a rebuild) sends inserts only.
    private var flushed = false
    private var ciphers: [String: CustomerCipher] = [:]
    private let vault: PersonalDataVault
    private let tables: TableNames
    /// Customers rendered per statement set.
    private let writeBatch = 1_000

    init(vault: PersonalDataVault, tables: TableNames) {
        self.vault = vault
        self.tables = tables
    }

    func statements(for events: [RecordedEvent], reader: any StoreReader) async throws -> [SQL] {
        let own = events.filter { $0.streamId.hasPrefix(CustomerID.prefix) }
        guard !own.isEmpty else { return [] }
        let unknown = Set(own.map(\.streamId)).filter { self.ciphers[$0] == nil }
        if !unknown.isEmpty {
            for (stream, cipher) in try await vault.readingCiphers(for: Array(unknown), on: reader) { self.ciphers[stream] = cipher }
        }
        let ciphers = self.ciphers
        // Decoding dominates and each event decodes on its own: spread it over the cores, then
        // fold in log order.
        let decoded = try ParallelMap.map(own) { event in
            let cipher = ciphers[event.streamId] ?? CustomerCipher(customer: event.streamId, key: .none)
            return (stream: event.streamId, version: event.streamVersion,
                    event: try cipher.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data))
        }
        for entry in decoded { apply(stream: entry.stream, version: entry.version, event: entry.event) }
        return []
    }

    /// The rows of every customer that changed since the last flush.
    func flush(reader: any StoreReader) async throws -> [SQL] {
        let names = Array(changed)
        changed.removeAll()
        let rendered = names.compactMap { name -> (Customer, Int64)? in
            guard let entry = states[name], let customer = entry.state.customer else { return nil }
            return (customer, entry.version)
        }
        let batches = stride(from: 0, to: rendered.count, by: writeBatch).map {
            Array(rendered[$0..<min($0 + writeBatch, rendered.count)])
        }
        // Rendering the rows (JSON views) is pure and per customer: use every core for it.
        let tables = self.tables
        let existing = flushed
        flushed = true
        return try ParallelMap.map(batches) { batch in
            CustomerReadModel.statements(
                for: try batch.map { try CustomerReadModel.Rendered($0.0, version: $0.1) }, tables: tables, existing: existing)
        }.flatMap { $0 }
    }

    func finish() throws {
        if let (stream, gap) = waiting.first(where: { !$0.value.isEmpty }) {
            throw FoldGap(stream: stream, expected: (states[stream]?.version ?? 0) + 1, found: gap.keys.min() ?? 0)
        }
    }

    private func apply(stream: String, version: Int64, event: CustomerEvent) {
        let current = states[stream] ?? (CustomerState.initial, 0)
        guard version == current.version + 1 else {
            // An older version is folded already; a newer one waits for the gap to close.
            if version > current.version + 1 { waiting[stream, default: [:]][version] = event }
            return
        }
        var state = evolve(current.state, event)
        var folded = version
        while let next = waiting[stream]?.removeValue(forKey: folded + 1) {
            state = evolve(state, next)
            folded += 1
        }
        states[stream] = (state, folded)
        changed.insert(stream)
    }
}

/// A stream's events arrived with a version missing: the log read was not complete.
struct FoldGap: Error, CustomStringConvertible {
    let stream: String
    let expected: Int64
    let found: Int64

    var description: String { "stream \(stream): expected version \(expected), found \(found)" }
}

/// The inline projector of the customer read models: commands write its rows in their own
/// transaction (`CommandHandler`), and its replay folds the log into them for rebuild and verify.
public struct CustomerReadModelProjector: Projector {
    public let name = CustomerReadModel.projectorName
    public let tables = CustomerReadModel.tables
    public let kind = ProjectorKind.inline
    let vault: PersonalDataVault

    public init(vault: PersonalDataVault) {
        self.vault = vault
    }

    public func replay(into tables: TableNames) -> any ProjectorReplay {
        CustomerReplay(vault: vault, tables: tables)
    }
}
