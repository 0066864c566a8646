import Foundation
import JSON

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
    public func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// The same JSON as UTF-8 bytes. Written by hand: it runs for every append, and a general
    /// encoder costs more on the client than the append's own statement.
    public func jsonBytes() -> [UInt8] {
        let fields: [(StaticString, String?)] = [
            ("actor", actor), ("causationId", causationId), ("commandId", commandId),
            ("commandType", commandType), ("correlationId", correlationId),
            ("idempotencyKey", idempotencyKey), ("requestId", requestId),
        ]
        var json: [UInt8] = [UInt8(ascii: "{")]
        json.reserveCapacity(256)
        for (name, value) in fields {
            guard let value else { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            json.append(contentsOf: "\":".utf8)
            JSONString.append(value, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        return json
    }
}
