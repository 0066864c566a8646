@testable import CustomerService
import EventStore
import Foundation
import Testing

/// The chain checks on events in memory, one kind of tampering per case.
@Suite struct ChainVerifierTests {
    /// A stream of `count` events chained as append_events chains them.
    static func stream(_ id: String = "customer_1", count: Int) -> [ChainedEvent] {
        var events: [ChainedEvent] = []
        var previous = Data()
        for version in 1...count {
            let draft = event(id, version: Int64(version), data: #"{"n": \#(version)}"#, hash: Data())
            let hash = draft.expectedHash(after: previous)
            events.append(event(id, version: Int64(version), data: draft.data, hash: hash))
            previous = hash
        }
        return events
    }

    static func event(_ id: String, version: Int64, data: String, hash: Data, type: String? = nil) -> ChainedEvent {
        ChainedEvent(
            streamId: id, streamVersion: version, type: type ?? "Event\(version)", schemaVersion: 1, data: data, metadata: "{}",
            recordedAt: "2026-12-04T01:00:00.000000Z", transactionId: 1, hash: hash)
    }

    static func rechained(_ events: [ChainedEvent]) -> [ChainedEvent] {
        var previous = Data()
        return events.map { event in
            let hash = event.expectedHash(after: previous)
            previous = hash
            return Self.event(event.streamId, version: event.streamVersion, data: event.data, hash: hash, type: event.type)
        }
    }

    static func findings(
        _ events: [ChainedEvent], recorded: Int64? = nil, sealed: [ChainVerifier.SealedHead] = []
    ) -> [ChainFinding] {
        var verifier = ChainVerifier(
            sealedHeads: sealed.isEmpty ? [:] : [events.first?.streamId ?? "customer_1": sealed],
            recordedVersions: recorded.map { ["customer_1": $0] } ?? [:])
        verifier.consume(events)
        return verifier.finish().findings
    }

    static func head(of events: [ChainedEvent], at version: Int, seal: Int64 = 1) -> ChainVerifier.SealedHead {
        ChainVerifier.SealedHead(sealId: seal, version: Int64(version), hash: events[version - 1].hash)
    }

    @Test func anUntouchedStreamHasNoFinding() {
        let events = Self.stream(count: 4)
        #expect(Self.findings(events, recorded: 4, sealed: [Self.head(of: events, at: 2), Self.head(of: events, at: 4, seal: 2)]) == [])
    }

    @Test(arguments: [
        // (what was done, kind found, version named)
        ("edited data", ChainFinding.Kind.edited, Int64(2)),
        ("removed middle", .removed, 2),
        ("removed last", .removed, 4),
        ("swapped", .reordered, 2),
        ("recomputed", .recomputed, 4),
    ])
    func eachTamperingIsNamedAtItsFirstEvent(change: String, kind: ChainFinding.Kind, version: Int64) {
        let original = Self.stream(count: 4)
        var events = original
        switch change {
        case "edited data":
            events[1] = Self.event("customer_1", version: 2, data: #"{"n": 7}"#, hash: original[1].hash)
        case "removed middle":
            events.remove(at: 1)
        case "removed last":
            events.removeLast()
        case "swapped":
            events[1] = Self.event("customer_1", version: 2, data: original[2].data, hash: original[2].hash, type: original[2].type)
            events[2] = Self.event("customer_1", version: 3, data: original[1].data, hash: original[1].hash, type: original[1].type)
        default:
            events[1] = Self.event("customer_1", version: 2, data: #"{"n": 7}"#, hash: Data())
            events = Self.rechained(events)
        }
        let found = Self.findings(events, recorded: 4, sealed: [Self.head(of: original, at: 4)])
        #expect(found.map(\.kind) == [kind], "\(found)")
        #expect(found.first?.version == version, "\(found)")
    }

    @Test func aRecomputedChainNamesTheRangeBetweenTheSealsThatStillMatch() {
        let original = Self.stream(count: 6)
        var events = original
        events[4] = Self.event("customer_1", version: 5, data: #"{"n": 9}"#, hash: Data())
        events = Self.rechained(events)
        let found = Self.findings(events, sealed: [Self.head(of: original, at: 3), Self.head(of: original, at: 6, seal: 2)])
        #expect(found.first?.kind == .recomputed)
        #expect(found.first?.detail.contains("versions 4…6") == true, "\(found)")
    }

    @Test func aStreamWithNoEventLeftIsRemoved() {
        var verifier = ChainVerifier(sealedHeads: [:], recordedVersions: ["customer_gone": 3])
        verifier.consume(Self.stream(count: 1))
        let found = verifier.finish().findings
        #expect(found.map(\.streamId) == ["customer_gone"])
        #expect(found.first?.kind == .removed)
    }

    @Test func eventsAfterTheLastSealedHeadCountAsUnsealed() {
        let events = Self.stream(count: 5)
        var verifier = ChainVerifier(
            sealedHeads: ["customer_1": [Self.head(of: events, at: 3)]], recordedVersions: ["customer_1": 5])
        verifier.consume(events)
        verifier.consume(Self.stream("customer_2", count: 2))
        let report = verifier.finish()
        #expect(report.findings == [])
        #expect((report.events, report.streams, report.unsealedEvents, report.unsealedStreams) == (7, 2, 4, 1))
    }
}

/// The seals' Merkle root: independent of the order heads come in, and moved by any change.
@Suite struct MerkleTreeTests {
    static func heads(_ count: Int) -> [StreamHead] {
        (0..<count).map { StreamHead(streamId: "customer_\($0)", version: Int64($0 + 1), hash: Data(repeating: UInt8($0 % 256), count: 32)) }
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func theRootIsTheSameInAnyOrderAndMovesWithAnyHead(count: Int) {
        let heads = Self.heads(count)
        let root = MerkleTree.root(of: heads)
        #expect(MerkleTree.root(of: heads.reversed()) == root)
        for index in heads.indices {
            var changed = heads
            changed[index] = StreamHead(streamId: heads[index].streamId, version: heads[index].version + 1, hash: heads[index].hash)
            #expect(MerkleTree.root(of: changed) != root, "head \(index) of \(count)")
        }
        #expect(MerkleTree.root(of: heads.dropLast()) != root)
    }

    @Test func oneHeadsRootIsItsLeafHash() {
        let head = Self.heads(1)[0]
        #expect(MerkleTree.root(of: [head]) == MerkleTree.leafHash(head))
    }
}
