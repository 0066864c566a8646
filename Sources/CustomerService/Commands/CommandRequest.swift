import Foundation

/// Who sent a command and how to tell a retry from a new command.
public struct CommandRequest: Sendable {
    /// The API key name (or CLI user); recorded on every event as `actor`.
    public var actor: String
    public var requestId: String
    public var correlationId: String
    public var causationId: String?
    /// Present when the caller sent an `Idempotency-Key`.
    public var idempotency: IdempotencyClaim?
    /// The time the command is decided at.
    public var now: Date

    public init(
        actor: String, requestId: String, correlationId: String? = nil, causationId: String? = nil,
        idempotency: IdempotencyClaim? = nil, now: Date
    ) {
        self.actor = actor
        self.requestId = requestId
        self.correlationId = correlationId ?? requestId
        self.causationId = causationId
        self.idempotency = idempotency
        self.now = now
    }
}

/// An `Idempotency-Key` and a hash of the request it came with: the same key with another
/// request is refused rather than answered with the first response.
public struct IdempotencyClaim: Sendable, Equatable {
    public var key: String
    public var requestHash: String

    public init(key: String, requestHash: String) {
        self.key = key
        self.requestHash = requestHash
    }
}

/// The response a command produced, kept with its idempotency key so a retry gets it again.
public struct StoredResponse: Sendable, Equatable {
    public var statusCode: Int
    public var body: Data

    public init(statusCode: Int, body: Data) {
        self.statusCode = statusCode
        self.body = body
    }
}

/// What a handled command produced.
public struct CommandResult: Sendable {
    public let response: StoredResponse
    /// False when the response came from the command log (a retried request): nothing was appended.
    public let executed: Bool
    /// The stream's version after the command (nil for a replayed response).
    public let streamVersion: Int64?
    public let appendedEvents: Int
    /// How many times a version conflict sent the command back to reload and decide again.
    public let retries: Int
}
