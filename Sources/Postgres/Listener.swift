import Foundation

/// A session of its own that LISTENs to channels and yields what arrives. It reconnects by
/// itself after losing the server, and then yields a `reconnected` event: notifications sent
/// while it was away are gone, so a consumer should re-read whatever it waits for.
public final class Listener: Sendable {
    public enum Event: Sendable, Equatable {
        case notification(PostgresNotification)
        case reconnected
    }

    public let events: AsyncStream<Event>
    private let task: Task<Void, Never>

    /// Starts listening; the returned listener is already subscribed to every channel.
    public static func start(_ configuration: ConnectionConfiguration, channels: [String]) async throws -> Listener {
        let first = try await Connection.connect(configuration, name: "postgres-listener")
        try await subscribe(first, to: channels)
        return Listener(configuration: configuration, channels: channels, connection: first)
    }

    private init(configuration: ConnectionConfiguration, channels: [String], connection: Connection) {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(1024))
        events = stream
        task = Task {
            var current: Connection? = connection
            while !Task.isCancelled {
                guard let active = current else {
                    current = await Self.reconnect(configuration, channels: channels)
                    if current != nil { continuation.yield(.reconnected) }
                    continue
                }
                do {
                    for notification in try await active.awaitNotifications(timeout: 0.25) {
                        continuation.yield(.notification(notification))
                    }
                } catch {
                    await active.close()
                    current = nil
                }
            }
            await current?.close()
            continuation.finish()
        }
    }

    public func stop() async {
        task.cancel()
        await task.value
    }

    private static func subscribe(_ connection: Connection, to channels: [String]) async throws {
        for channel in channels {
            try await connection.executeScript("LISTEN \(quoteIdentifier(channel))")
        }
    }

    private static func reconnect(_ configuration: ConnectionConfiguration, channels: [String]) async -> Connection? {
        do {
            let connection = try await Connection.connect(configuration, name: "postgres-listener")
            try await subscribe(connection, to: channels)
            return connection
        } catch {
            try? await Task.sleep(for: .milliseconds(500))
            return nil
        }
    }
}

/// Quotes an SQL identifier (channel, table) the way `quote_ident` does.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
