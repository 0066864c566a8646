import Foundation

/// A signed-in reviewer: the key it signed in with (its name, scopes and the digest the keyring
/// keeps, never the secret itself). The session's id is the cookie's value; its CSRF token goes
/// into every form that changes something.
struct ConsoleSession: Sendable, Equatable {
    let id: String
    let key: APIKey
    let csrfToken: String
    var lastSeen: Date

    var keyName: String { key.name }
    var scopes: Set<Scope> { key.scopes }
    func allows(_ scope: Scope) -> Bool { key.scopes.contains(scope) }
}

/// The console's sessions, held in this process only: a restart signs everyone out, and each
/// instance behind a load balancer keeps its own (sign-in is one form away). A session ends
/// after `idleExpiry` without a request, or at sign-out.
actor ConsoleSessions {
    static let idleExpiry: TimeInterval = 8 * 60 * 60
    /// Sign-in needs a valid API key, so only key holders can fill this; the bound keeps a
    /// script that signs in in a loop from growing it without end (the oldest goes first).
    static let capacity = 10_000
    /// And one key's sign-ins cannot push out everyone else's sessions: past this many, its
    /// own oldest goes.
    static let perKey = 50

    private var sessions: [String: ConsoleSession] = [:]
    private var notices: [String: ConsoleNotice] = [:]
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// A new session for `key`, with fresh random id and CSRF token.
    func open(for key: APIKey) -> ConsoleSession {
        let now = clock()
        removeExpired(now: now)
        let own = sessions.values.filter { $0.key.name == key.name }
        if own.count >= Self.perKey, let oldest = own.min(by: { $0.lastSeen < $1.lastSeen }) {
            close(oldest.id)
        }
        if sessions.count >= Self.capacity, let oldest = sessions.values.min(by: { $0.lastSeen < $1.lastSeen }) {
            close(oldest.id)
        }
        let session = ConsoleSession(
            id: ConsoleTokens.fresh(), key: key, csrfToken: ConsoleTokens.fresh(), lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle time restarted; nil when there is none or it
    /// has been idle too long (it is then ended).
    func session(_ id: String) -> ConsoleSession? {
        guard var session = sessions[id] else { return nil }
        let now = clock()
        guard now.timeIntervalSince(session.lastSeen) < Self.idleExpiry else {
            close(id)
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    func close(_ id: String) {
        sessions[id] = nil
        notices[id] = nil
    }

    /// A message for the session's next page (what the last action did), shown once.
    func leave(_ notice: ConsoleNotice, for id: String) {
        guard sessions[id] != nil else { return }
        notices[id] = notice
    }

    func takeNotice(for id: String) -> ConsoleNotice? {
        defer { notices[id] = nil }
        return notices[id]
    }

    var count: Int { sessions.count }

    private func removeExpired(now: Date) {
        for (id, session) in sessions where now.timeIntervalSince(session.lastSeen) >= Self.idleExpiry {
            close(id)
        }
    }
}

/// What an action did, shown at the top of the page it leads to.
struct ConsoleNotice: Sendable, Equatable {
    enum Kind: String, Sendable { case success, problem }
    let kind: Kind
    let text: String
}

/// Random tokens for session ids and CSRF tokens: 32 bytes from the system's secure generator,
/// in hex, so they fit a cookie and a form field as they are.
enum ConsoleTokens {
    static func fresh() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 0xf, radix: 16)
        }.joined()
    }

    /// Compares every byte whatever the first difference, so timing says nothing about a
    /// guessed token.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count, !left.isEmpty else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }
}
