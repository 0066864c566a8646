import Foundation

/// Runs blocking work (a child process, a blocking socket call) on a thread of its own, so it
/// never occupies one of the few threads of Swift's cooperative pool, where it would stall every
/// other test running at the same time.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
