import CustomerAPI
import EventStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import TestSupport
import Testing

@Suite struct IdleClientTests {
    /// A client that connects and sends nothing is disconnected after the idle timeout.
    @Test func aSilentClientIsDisconnected() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        var configuration = TestApplication.configuration()
        configuration.port = 0
        configuration.idleTimeout = .seconds(1)
        let app = buildApplication(configuration: configuration, services: APIServices(store: EventStore(pool: pool), vault: try TestApplication.vault()), logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            let closed = try await Task.detached { try SilentClient.waitForClose(port: port, giveUpAfter: 10) }.value
            #expect(closed)
            #expect(ContinuousClock.now - started < .seconds(8))
        }
        await pool.close()
    }
}

/// A TCP client that connects to 127.0.0.1 and only waits for the server to hang up.
enum SilentClient {
    static func waitForClose(port: Int, giveUpAfter seconds: Int) throws -> Bool {
        guard let socket = LoopbackSocket.connect(port: port) else { return false }
        defer { close(socket) }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, 0) == 0
    }
}
