import Foundation

/// Shows how a long run advances: on a terminal a bar redrawn in place with events/s and ETA,
/// otherwise a plain line every few seconds (logs stay readable).
final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let total: Int?
    private let unit: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private let lock = NSLock()
    private var lastShown = Date(timeIntervalSince1970: 0)

    init(label: String, total: Int?, unit: String = "events") {
        self.label = label
        self.total = total
        self.unit = unit
    }

    func update(_ done: Int) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastShown) >= (isTerminal ? 0.1 : 5) else { return }
            lastShown = now
            write(line(done, now: now), final: false)
        }
    }

    func finish(_ done: Int) {
        lock.withLock { write(line(done, now: Date()), final: true) }
    }

    private func line(_ done: Int, now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        var text = "\(label): \(done) \(unit), \(Int(rate)) \(unit)/s"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let remaining = rate > 0 ? Double(max(0, total - done)) / rate : 0
            text = "\(label) [\(bar)] \(Int(fraction * 100))% \(done)/\(total) \(Int(rate)) \(unit)/s ETA \(Int(remaining))s"
        }
        return text
    }

    private func write(_ text: String, final: Bool) {
        let output = isTerminal ? "\r\u{1B}[2K" + text + (final ? "\n" : "") : text + "\n"
        FileHandle.standardError.write(Data(output.utf8))
    }
}
