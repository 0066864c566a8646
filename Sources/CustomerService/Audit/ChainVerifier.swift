import EventStore
import Foundation

/// Checks the log's chains, stream by stream, against themselves, the streams' recorded versions
/// and the heads the seals signed. Pure: it is fed events in stream order (each stream's events
/// together, oldest first) from the database or from an export alike.
public struct ChainVerifier: Sendable {
    /// A head as one seal recorded it.
    public struct SealedHead: Sendable, Equatable {
        public let sealId: Int64
        public let version: Int64
        public let hash: Data
    }

    public struct Report: Sendable {
        public var events = 0
        public var streams = 0
        /// Events no seal covers yet: after their stream's last sealed head, or in unsealed streams.
        public var unsealedEvents = 0
        public var unsealedStreams = 0
        /// The first finding of each stream that has one, in stream order.
        public var findings: [ChainFinding] = []
    }

    private let sealedHeads: [String: [SealedHead]]
    private let recordedVersions: [String: Int64]
    private var seen: Set<String> = []
    private var current: [ChainedEvent] = []
    private(set) var report = Report()

    /// `sealedHeads`: per stream, every head the seals recorded, oldest seal first.
    /// `recordedVersions`: per stream, the version its `streams` row holds.
    public init(sealedHeads: [String: [SealedHead]], recordedVersions: [String: Int64]) {
        self.sealedHeads = sealedHeads
        self.recordedVersions = recordedVersions
    }

    public mutating func consume(_ events: some Sequence<ChainedEvent>) {
        for event in events {
            if let last = current.last, last.streamId != event.streamId { checkCurrentStream() }
            current.append(event)
        }
    }

    /// Checks the last stream, then the streams that have a version or a sealed head but no
    /// event left at all.
    public mutating func finish() -> Report {
        checkCurrentStream()
        let missing = Set(recordedVersions.keys).union(sealedHeads.keys).subtracting(seen)
        for stream in missing.sorted() {
            let sealed = sealedHeads[stream]?.last
            let version = max(recordedVersions[stream] ?? 0, sealed?.version ?? 0)
            report.findings.append(ChainFinding(
                kind: .removed, streamId: stream, version: 1,
                detail: "every event of the stream is gone; "
                    + (sealed.map { "seal \($0.sealId) signed its head at version \($0.version)" }
                        ?? "its streams row says version \(version)")))
        }
        return report
    }

    private mutating func checkCurrentStream() {
        guard let first = current.first else { return }
        let stream = first.streamId
        seen.insert(stream)
        report.streams += 1
        report.events += current.count
        let sealed = sealedHeads[stream] ?? []
        let covered = sealed.last?.version ?? 0
        let unsealed = current.count { $0.streamVersion > covered }
        report.unsealedEvents += unsealed
        if sealed.isEmpty { report.unsealedStreams += 1 }
        if let finding = Self.check(current, recordedVersion: recordedVersions[stream], sealed: sealed) {
            report.findings.append(finding)
        }
        current.removeAll(keepingCapacity: true)
    }

    /// The first thing wrong with one stream's events, if any.
    static func check(_ events: [ChainedEvent], recordedVersion: Int64?, sealed: [SealedHead]) -> ChainFinding? {
        let stream = events[0].streamId
        var previous = Data()
        for (index, event) in events.enumerated() {
            let expectedVersion = Int64(index + 1)
            if event.streamVersion != expectedVersion {
                return ChainFinding(
                    kind: .removed, streamId: stream, version: expectedVersion,
                    detail: "the event is missing: the next one is version \(event.streamVersion)")
            }
            if event.expectedHash(after: previous) != event.hash {
                if let original = originalVersion(of: event, in: events) {
                    return ChainFinding(
                        kind: .reordered, streamId: stream, version: event.streamVersion,
                        detail: "this \(event.type) was written as version \(original); its hash is the one it had there")
                }
                return ChainFinding(
                    kind: .edited, streamId: stream, version: event.streamVersion,
                    detail: "its \(event.type) content no longer gives the hash it was written with")
            }
            previous = event.hash
        }
        let last = Int64(events.count)
        if let recordedVersion, recordedVersion > last {
            return ChainFinding(
                kind: .removed, streamId: stream, version: last + 1,
                detail: "the stream's version is \(recordedVersion) but its last event is \(last): events \(last + 1)…\(recordedVersion) are gone")
        }
        if let recordedVersion, recordedVersion < last {
            return ChainFinding(
                kind: .edited, streamId: stream, version: recordedVersion + 1,
                detail: "the stream's recorded version \(recordedVersion) is behind its last event \(last)")
        }
        var lastMatching: Int64 = 0
        for head in sealed {
            guard head.version <= last else {
                return ChainFinding(
                    kind: .removed, streamId: stream, version: last + 1,
                    detail: "seal \(head.sealId) signed the stream up to version \(head.version), but its last event is \(last)")
            }
            if events[Int(head.version) - 1].hash != head.hash {
                return ChainFinding(
                    kind: .recomputed, streamId: stream, version: head.version,
                    detail: "the chain holds together but is not the one seal \(head.sealId) signed at version \(head.version): "
                        + "an event in versions \(lastMatching + 1)…\(head.version) was changed and the hashes written again "
                        + "by someone without the signing key")
            }
            lastMatching = head.version
        }
        return nil
    }

    /// The version at which `event`'s stored hash is the one its content gives, if another. Its
    /// predecessor there may have moved too, so every stored hash is tried as the predecessor's;
    /// that is quadratic, so long streams are searched only near the event's place.
    private static func originalVersion(of event: ChainedEvent, in events: [ChainedEvent]) -> Int64? {
        let window = events.count <= 500 ? 1...events.count : max(1, Int(event.streamVersion) - 8)...min(events.count, Int(event.streamVersion) + 8)
        let predecessors = events[(window.lowerBound - 1)..<window.upperBound].map(\.hash)
        for version in window where Int64(version) != event.streamVersion {
            for previous in version == 1 ? [Data()] : predecessors
            where event.expectedHash(after: previous, atVersion: Int64(version)) == event.hash {
                return Int64(version)
            }
        }
        return nil
    }
}
