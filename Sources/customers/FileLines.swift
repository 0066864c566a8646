import Foundation

/// The lines of a file, read a megabyte at a time: an export of any size in bounded memory.
struct FileLines: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    private var finished = false

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot read \(path)") }
        self.handle = handle
    }

    mutating func next() -> Substring? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return Substring(line)
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Substring(String(decoding: buffer[start...], as: UTF8.self))
            }
            // Keep the unfinished line, drop what was read, and read on.
            buffer.removeSubrange(0..<start)
            start = 0
            searchFrom = buffer.count
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
