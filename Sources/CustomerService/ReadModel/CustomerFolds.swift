import CustomerDomain
import EventStore
import Foundation
import Postgres

/// Every customer's state folded from the log, with the stream version it was folded to.
/// Filled from one streaming SELECT; then kept current by re-reading only the streams whose
/// version moved since.
final class CustomerFolds: @unchecked Sendable {
    // Touched by one reader at a time: the connection thread while streaming, then the caller.
    private(set) var states: [String: (state: CustomerState, version: Int64)] = [:]
    private(set) var eventsFolded = 0
    let vault: PersonalDataVault

    init(vault: PersonalDataVault) {
        self.vault = vault
    }

    /// Reads every customer event, oldest first, in one statement.
    func foldAll(on connection: Connection, progress: @escaping @Sendable (Int) -> Void) async throws {
        // Keys are read before the events: a customer whose key was made after this read has its
        // personal fields folded as unreadable, so it is folded again below.
        let ciphers = try await vault.readingCiphers(on: connection)
        let statement = Statement(
            """
            SELECT stream_id, stream_version, event_type, schema_version, data
            FROM events WHERE stream_id LIKE $1 ORDER BY global_position
            """, [CustomerStreams.likePattern])
        try await connection.stream(statement, chunkSize: 4_000) { [self] rows in
            // Decoding dominates and each row decodes on its own: spread it over the cores, then
            // fold in log order.
            let decoded = try ParallelMap.map(rows) { row in
                let stream: String = try row.decode(0)
                let event = try (ciphers[stream] ?? CustomerCipher(customer: stream, key: .none)).decode(
                    type: try row.decode(2), schemaVersion: try row.decode(3), data: try row.decode(4, as: Data.self))
                return (stream: stream, version: try row.decode(1, as: Int64.self), event: event)
            }
            for entry in decoded {
                try apply(stream: entry.stream, version: entry.version, event: entry.event)
            }
            progress(eventsFolded)
        }
        let keyless = states.keys.filter { ciphers[$0] == nil }
        if !keyless.isEmpty {
            for stream in try await vault.readingCiphers(for: keyless, on: connection).keys {
                states.removeValue(forKey: stream)
            }
        }
    }

    /// Streams whose version in `streams` differs from the folded one, then folds the events
    /// they are missing, all read with one statement (this runs while writers are held off).
    /// Returns the ids of the customers that changed.
    func catchUp(on connection: Connection) async throws -> [String] {
        let versions = try await connection.query(
            "SELECT stream_id, version FROM streams WHERE stream_id LIKE $1", [CustomerStreams.likePattern])
        var changed: [String] = []
        var foldedVersions: [Int64] = []
        var observedVersions: [Int64] = []
        for row in versions.rows {
            let stream: String = try row.decode(0)
            let folded = states[stream]?.version ?? 0
            let observed: Int64 = try row.decode(1)
            guard observed != folded else { continue }
            changed.append(stream)
            foldedVersions.append(folded)
            observedVersions.append(observed)
        }
        guard !changed.isEmpty else { return [] }
        // Only up to the versions just read: the keys, read after them, cover every one of those
        // events; later ones wait for the next catch-up.
        let ciphers = try await vault.readingCiphers(for: changed, on: connection)
        let missing = try await connection.query(
            """
            SELECT e.stream_id, e.stream_version, e.event_type, e.schema_version, e.data
            FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS folded(stream_id, version, observed)
            JOIN events e ON e.stream_id = folded.stream_id
                         AND e.stream_version > folded.version AND e.stream_version <= folded.observed
            ORDER BY e.stream_id, e.stream_version
            """, [changed, foldedVersions, observedVersions])
        for row in missing.rows {
            let stream: String = try row.decode(0)
            let event = try (ciphers[stream] ?? CustomerCipher(customer: stream, key: .none)).decode(
                type: try row.decode(2), schemaVersion: try row.decode(3), data: try row.decode(4, as: Data.self))
            try apply(stream: stream, version: try row.decode(1), event: event)
        }
        return changed
    }

    /// Snapshots of the named customers (every customer when `streams` is nil).
    func snapshots(of streams: [String]? = nil) -> [CustomerReadModel.Snapshot] {
        let names = streams ?? Array(states.keys)
        return names.compactMap { name in
            guard let entry = states[name], let customer = entry.state.customer else { return nil }
            return CustomerReadModel.Snapshot(customer: customer, version: entry.version)
        }
    }

    private func apply(stream: String, version: Int64, event: CustomerEvent) throws {
        let current = states[stream] ?? (CustomerState.initial, 0)
        // Events of one stream arrive in version order; an older one is already folded.
        guard version == current.version + 1 else {
            if version <= current.version { return }
            throw FoldGap(stream: stream, expected: current.version + 1, found: version)
        }
        states[stream] = (evolve(current.state, event), version)
        eventsFolded += 1
    }
}

/// A stream's events arrived with a version missing: the log read was not complete.
struct FoldGap: Error, CustomStringConvertible {
    let stream: String
    let expected: Int64
    let found: Int64

    var description: String { "stream \(stream): expected version \(expected), found \(found)" }
}
