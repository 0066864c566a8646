import Dispatch
import Foundation

/// Maps CPU-bound, independent work over all cores, keeping the input order. For bulk work
/// (rebuilds) on threads of their own, never for request handling.
enum ParallelMap {
    static func map<Element: Sendable, Mapped: Sendable>(
        _ elements: [Element], _ transform: @escaping @Sendable (Element) throws -> Mapped
    ) throws -> [Mapped] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, elements.count))
        guard workers > 1 else { return try elements.map(transform) }
        let slots = Slots<Mapped>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { part in
            let range = (elements.count * part / workers)..<(elements.count * (part + 1) / workers)
            slots.set(part, Result { try elements[range].map(transform) })
        }
        var mapped: [Mapped] = []
        mapped.reserveCapacity(elements.count)
        for part in 0..<workers { mapped += try slots.get(part) }
        return mapped
    }

    /// One result slot per worker; each worker writes only its own slot, and all are read
    /// after `concurrentPerform` has returned.
    /// Raw memory rather than an array property: concurrent writes to distinct elements of a
    /// class's array property would count as overlapping accesses to the property.
    private final class Slots<Mapped: Sendable>: @unchecked Sendable {
        private let results: UnsafeMutableBufferPointer<Result<[Mapped], any Error>?>

        init(count: Int) {
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
        }

        deinit {
            _ = results.deinitialize()
            results.deallocate()
        }

        func set(_ index: Int, _ result: Result<[Mapped], any Error>) { results[index] = result }

        func get(_ index: Int) throws -> [Mapped] { try results[index]!.get() }
    }
}
