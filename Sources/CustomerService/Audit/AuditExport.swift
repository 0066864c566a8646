import EventStore
import Foundation
import JSON

/// The audit export: JSON Lines that carry everything a check needs without the database. A
/// header, every seal with the heads it recorded, every stream's recorded version, then every
/// event with the exact texts its hash covers (data and metadata as jsonb's text, in strings).
/// Nothing in it goes unchecked: a changed byte breaks a hash, a signature, a root or the parse.
public enum AuditExport {
    static let format = "customers audit export"
    static let version = 1

    struct Header: Codable { let format: String; let version: Int }

    struct Line: Codable {
        let kind: String
        // seal
        var seal: Int64?
        var fence: String?
        var sealedAt: String?
        var streams: Int64?
        var events: Int64?
        var root: String?
        var previous: String?
        var publicKey: String?
        var signature: String?
        var heads: [Head]?
        // stream and event
        var stream: String?
        var version: Int64?
        var type: String?
        var schemaVersion: Int?
        var data: String?
        var metadata: String?
        var recordedAt: String?
        var hash: String?
    }

    struct Head: Codable { let stream: String; let version: Int64; let hash: String }

    public enum Problem: Error, CustomStringConvertible {
        case unreadable(line: Int, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let line, let reason): "line \(line) of the export: \(reason)"
            }
        }
    }

    // MARK: Writing

    /// Writes the export of `streams` (all when nil) through `write`, which gets chunks of text
    /// on the database connection's thread; returns how many events it wrote.
    public static func write(
        from store: EventStore, streams: [String]? = nil, progress: @escaping @Sendable (Int) -> Void = { _ in },
        to write: @escaping @Sendable (Data) throws -> Void
    ) async throws -> Int {
        let seals = try await store.seals()
        let heads = Dictionary(grouping: try await store.sealedHeads(), by: \.sealId)
        var text = try line(Header(format: format, version: version))
        for seal in seals {
            text += try line(Line(
                kind: "seal", seal: seal.sealId, fence: String(seal.fenceTransactionId), sealedAt: seal.sealedAt,
                streams: seal.streamCount, events: seal.eventCount, root: seal.merkleRoot.hex, previous: seal.previousDigest.hex,
                publicKey: seal.publicKey.base64EncodedString(), signature: seal.signature.hex,
                heads: (heads[seal.sealId] ?? []).map { Head(stream: $0.head.streamId, version: $0.head.version, hash: $0.head.hash.hex) }))
        }
        for (stream, version) in try await store.recordedVersions(of: streams).sorted(by: { $0.key < $1.key }) {
            text += try line(Line(kind: "stream", stream: stream, version: version))
        }
        try write(text)
        let counter = LockedCount()
        try await store.chainedEvents(of: streams) { chunk in
            var text = Data()
            for event in chunk {
                text += try line(Line(
                    kind: "event", stream: event.streamId, version: event.streamVersion, type: event.type,
                    schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata,
                    recordedAt: event.recordedAt, hash: event.hash.hex))
            }
            try write(text)
            progress(counter.add(chunk.count))
        }
        return counter.add(0)
    }

    private static func line(_ value: some Encodable) throws -> Data {
        var bytes = try CanonicalJSON.encode(value)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    // MARK: Checking

    /// Checks an export with no database: the same chain and seal checks as `AuditVerifier`,
    /// against `trustedKey`.
    public static func verify(
        lines: some Sequence<Substring>, trustedKey: AuditPublicKey?, progress: (Int) -> Void = { _ in }
    ) throws -> AuditReport {
        var seals: [SealRecord] = []
        var heads: [(sealId: Int64, head: StreamHead)] = []
        var recorded: [String: Int64] = [:]
        var verifier: ChainVerifier?
        var number = 0
        var events = 0
        let decoder = JSONTreeDecoder()
        for text in lines where !text.isEmpty {
            number += 1
            guard case .success(let tree) = JSONTree.parse(Array(text.utf8)) else {
                throw Problem.unreadable(line: number, reason: "not JSON")
            }
            if number == 1 {
                guard let header = try? decoder.decode(Header.self, from: tree), header.format == format, header.version == version else {
                    throw Problem.unreadable(line: 1, reason: "not a \(format), version \(version)")
                }
                continue
            }
            guard let line = try? decoder.decode(Line.self, from: tree) else {
                throw Problem.unreadable(line: number, reason: "not a seal, stream or event line")
            }
            switch line.kind {
            case "seal" where verifier == nil:
                let (seal, sealHeads) = try sealRecord(line, number: number)
                seals.append(seal)
                heads += sealHeads.map { (seal.sealId, $0) }
            case "stream" where verifier == nil:
                guard let stream = line.stream, let version = line.version else {
                    throw Problem.unreadable(line: number, reason: "a stream line needs stream and version")
                }
                recorded[stream] = version
            case "event":
                if verifier == nil {
                    verifier = ChainVerifier(sealedHeads: SealChecks.headsByStream(heads), recordedVersions: recorded)
                }
                verifier?.consume(CollectionOfOne(try chainedEvent(line, number: number)))
                events += 1
                if events % 10_000 == 0 { progress(events) }
            default:
                throw Problem.unreadable(line: number, reason: "a \(line.kind) line out of place")
            }
        }
        guard number > 0 else { throw Problem.unreadable(line: 1, reason: "the export is empty") }
        var chain = verifier ?? ChainVerifier(sealedHeads: SealChecks.headsByStream(heads), recordedVersions: recorded)
        progress(events)
        return AuditReport(
            chain: chain.finish(), sealProblems: SealChecks.problems(of: seals, heads: heads, trustedKey: trustedKey),
            latestSeal: seals.last, keyTrust: trustedKey.map(AuditReport.KeyTrust.given) ?? .stored)
    }

    private static func sealRecord(_ line: Line, number: Int) throws -> (SealRecord, [StreamHead]) {
        guard let id = line.seal, let fence = line.fence.flatMap(UInt64.init), let sealedAt = line.sealedAt,
              let streams = line.streams, let events = line.events, let root = line.root.flatMap(Data.init(hex:)),
              let previous = line.previous.flatMap(Data.init(hex:)), let key = line.publicKey.flatMap({ Data(base64Encoded: $0) }),
              let signature = line.signature.flatMap(Data.init(hex:)), let heads = line.heads else {
            throw Problem.unreadable(line: number, reason: "a seal line lacks one of its fields")
        }
        let sealHeads = try heads.map { head in
            guard let hash = Data(hex: head.hash) else { throw Problem.unreadable(line: number, reason: "a head's hash is not hex") }
            return StreamHead(streamId: head.stream, version: head.version, hash: hash)
        }
        return (SealRecord(
            sealId: id, fenceTransactionId: fence, sealedAt: sealedAt, streamCount: streams, eventCount: events,
            merkleRoot: root, previousDigest: previous, publicKey: key, signature: signature), sealHeads)
    }

    private static func chainedEvent(_ line: Line, number: Int) throws -> ChainedEvent {
        guard let stream = line.stream, let version = line.version, let type = line.type, let schemaVersion = line.schemaVersion,
              let data = line.data, let metadata = line.metadata, let recordedAt = line.recordedAt,
              let hash = line.hash.flatMap(Data.init(hex:)) else {
            throw Problem.unreadable(line: number, reason: "an event line lacks one of its fields")
        }
        return ChainedEvent(
            streamId: stream, streamVersion: version, type: type, schemaVersion: schemaVersion, data: data, metadata: metadata,
            recordedAt: recordedAt, transactionId: 0, hash: hash)
    }
}

final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add(_ count: Int) -> Int {
        lock.withLock {
            value += count
            return value
        }
    }
}
