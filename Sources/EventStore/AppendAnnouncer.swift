import Foundation
import Postgres

/// Announces committed appends with NOTIFY, coalesced to at most one notification per
/// `minimumInterval`.
///
/// NOTIFY is deliberately never sent inside the appending transaction: PostgreSQL serialises
/// the commits of all transactions that sent a NOTIFY on one global lock, which would turn
/// concurrent writers into a queue. A late or lost notification only delays readers, which poll
/// as a fallback.
final class AppendAnnouncer: Sendable {
    private let pool: ConnectionPool
    private let channel: String
    private let localSignal: WakeUpSignal
    private let minimumInterval: Duration = .milliseconds(5)
    // (an announcement is pending, a sender task is running)
    private let state = LockedState()

    init(pool: ConnectionPool, channel: String, localSignal: WakeUpSignal) {
        self.pool = pool
        self.channel = channel
        self.localSignal = localSignal
    }

    func announce() {
        guard state.markPendingAndClaimSender() else { return }
        Task { [self] in
            while state.takePending() {
                await localSignal.wake()
                _ = try? await pool.query("SELECT pg_notify($1, '')", [channel])
                try? await Task.sleep(for: minimumInterval)
            }
        }
    }
}

private final class LockedState: @unchecked Sendable {
    private var pending = false
    private var senderRunning = false
    private let lock = NSLock()

    /// Marks an announcement pending; true if the caller must start the sender.
    func markPendingAndClaimSender() -> Bool {
        lock.withLock {
            pending = true
            if senderRunning { return false }
            senderRunning = true
            return true
        }
    }

    /// Takes the pending flag; when nothing is pending the sender stops (under the same lock,
    /// so an announcement racing with the stop starts a new sender).
    func takePending() -> Bool {
        lock.withLock {
            if pending {
                pending = false
                return true
            }
            senderRunning = false
            return false
        }
    }
}
