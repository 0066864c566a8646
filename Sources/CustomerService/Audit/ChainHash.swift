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

extension Data {
    /// Lowercase hexadecimal, as the audit's texts write hashes.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// From lowercase or uppercase hexadecimal; nil for anything else.
    init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes)
    }
}
