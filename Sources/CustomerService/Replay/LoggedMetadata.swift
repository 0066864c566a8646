import Foundation

/// The metadata stored beside every event of a command. Every field is
/// optional: old events, imports and tools may have written fewer of them.
public struct LoggedMetadata: Decodable, Equatable, Sendable {
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

    /// Reads the metadata JSON; text that is not such an object gives empty metadata.
    public init(json: Data) {
        self = (try? JSONDecoder().decode(LoggedMetadata.self, from: json)) ?? LoggedMetadata()
    }
}
