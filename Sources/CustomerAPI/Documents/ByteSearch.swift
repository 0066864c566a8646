import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first occurrence of `pattern` that lies wholly inside
    /// `range`, or nil. `memchr` jumps to each candidate first byte and
    /// `memcmp` checks the rest, so a search costs one pass over the bytes
    /// (times at most the pattern's length when the first byte repeats), which
    /// keeps a 15 MB upload fast even in a debug build.
    func firstOffset(of pattern: [UInt8], in range: Range<Int>) -> Int? {
        guard let base = baseAddress, let first = pattern.first,
              range.lowerBound >= 0, range.upperBound <= count,
              range.count >= pattern.count
        else { return nil }
        // The last offset at which the whole pattern still fits in the range.
        let lastStart = range.upperBound - pattern.count
        var start = range.lowerBound
        return pattern.withUnsafeBufferPointer { patternBytes -> Int? in
            guard let patternBase = patternBytes.baseAddress else { return nil }
            while start <= lastStart {
                guard let hit = memchr(base + start, Int32(first), lastStart - start + 1) else { return nil }
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    /// True when the bytes at `offset` are `prefix`.
    func hasBytes(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= count, count - offset >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where self[offset + index] != byte { return false }
        return true
    }
}
