import Foundation

/// Who and what caused an event; stored beside every event of a command.
public struct EventMetadata: Sendable, Codable, Equatable {
    public var commandId: String?
    public var commandType: String?
    /// The API key name (or CLI user) that issued the command.
    public var actor: String?
    public var requestId: String?
    public var correlationId: String?
    public var causationId: String?
    public var idempotencyKey: String?

    public init(
        commandId: String? = nil, commandType: String? = nil, actor: String? = nil,
        requestId: String? = nil, correlationId: String? = nil, causationId: String? = nil,
        idempotencyKey: String? = nil
    ) {
        self.commandId = commandId
        self.commandType = commandType
        self.actor = actor
        self.requestId = requestId
        self.correlationId = correlationId
        self.causationId = causationId
        self.idempotencyKey = idempotencyKey
    }

    /// Deterministic JSON (sorted keys, absent fields omitted).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of optional strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
