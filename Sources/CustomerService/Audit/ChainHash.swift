import Crypto
import EventStore
import Foundation

extension ChainedEvent {
    /// The hash this event must have when `previous` is its stream's previous event's hash
    /// (empty for a stream's first event): SHA-256 of `previous` then the canonical text.
    func expectedHash(after previous: Data) -> Data {
        Self.hash(previous: previous, canonicalText: canonicalText)
    }

    /// The hash it would have had at `version`: how a moved event is recognised.
    func expectedHash(after previous: Data, atVersion version: Int64) -> Data {
        Self.hash(
            previous: previous,
            canonicalText: "\(streamId)\n\(version)\n\(type)\n\(schemaVersion)\n\(data)\n\(metadata)\n\(recordedAt)")
    }

    private static func hash(previous: Data, canonicalText: String) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        var text = canonicalText
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return Data(hasher.finalize())
    }
}
