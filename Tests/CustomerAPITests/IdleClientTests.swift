import CustomerService
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
    /// Runs `body` against a live server on a free loopback port, with its configuration changed
    /// by `configure`.
    static func withLiveServer(
        _ configure: (inout APIConfiguration) -> Void, _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        var configuration = TestApplication.configuration()
        configuration.port = 0
        configure(&configuration)
        let app = buildApplication(
            configuration: configuration, services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())),
            logger: Logger(label: "test"))
        do {
            try await app.test(.live) { client in try await body(try #require(client.port)) }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    /// A client that connects and sends nothing is disconnected after the idle timeout.
    @Test func aSilentClientIsDisconnected() async throws {
        try await Self.withLiveServer({
            $0.idleTimeout = .seconds(1)
        }) { port in
            let started = ContinuousClock.now
            let closed = try await onOwnThread { try SilentClient.waitForClose(port: port, giveUpAfter: 10) }
            #expect(closed)
            #expect(ContinuousClock.now - started < .seconds(8))
        }
    }
}

extension IdleClientTests {
    /// A client that is never idle but never finishes its request — headers or a body sent a
    /// few bytes at a time — is disconnected when the request's deadline passes.
    @Test(arguments: [
        ("GET /healthz HTTP/1.1\r\nHost: x\r\n", "X-Slow: y\r\n"),
        (
            "POST /v2/customer HTTP/1.1\r\nHost: x\r\nAuthorization: \(TestApplication.bearer("writer"))\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n",
            "{"
        ),
    ])
    func aTricklingClientIsDisconnected(opening: String, trickle: String) async throws {
        try await Self.withLiveServer({
            $0.requestHeadTimeout = .seconds(1)
            $0.requestBodyTimeout = .seconds(1)
        }) { port in
            let started = ContinuousClock.now
            let closed = try await onOwnThread {
                TricklingClient.isDisconnected(port: port, opening: opening, trickle: trickle, every: .milliseconds(200), giveUpAfter: .seconds(10))
            }
            #expect(closed)
            #expect(ContinuousClock.now - started < .seconds(6))
        }
    }
}

extension IdleClientTests {
    /// A request answered before its body arrived (here: no such route) still leaves the next
    /// request's head on the clock once its body is in.
    @Test func anEarlyAnswerDoesNotStopTheNextHeadsDeadline() async throws {
        try await Self.withLiveServer({
            $0.requestHeadTimeout = .seconds(1)
        }) { port in
            let closed = try await onOwnThread { () -> Bool in
                guard let socket = LoopbackSocket.connect(port: port) else { return false }
                defer { close(socket) }
                func write(_ text: String) -> Bool {
                    Array(text.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } >= 0
                }
                _ = write("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
                var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                var buffer = [UInt8](repeating: 0, count: 4096)
                guard poll(&descriptor, 1, 5_000) > 0, recv(socket, &buffer, buffer.count, 0) > 0 else { return false }
                _ = write("0123456789")
                return TricklingClient.isDisconnected(
                    socket: socket, opening: "GET /healthz HTTP/1.1\r\n", trickle: "X-Slow: y\r\n",
                    every: .milliseconds(200), giveUpAfter: .seconds(8))
            }
            #expect(closed)
        }
    }
}

/// Sends a request's start, then a few bytes at a time, until the server hangs up.
enum TricklingClient {
    static func isDisconnected(port: Int, opening: String, trickle: String, every interval: Duration, giveUpAfter limit: Duration) -> Bool {
        guard let socket = LoopbackSocket.connect(port: port) else { return false }
        defer { close(socket) }
        return isDisconnected(socket: socket, opening: opening, trickle: trickle, every: interval, giveUpAfter: limit)
    }

    static func isDisconnected(socket: Int32, opening: String, trickle: String, every interval: Duration, giveUpAfter limit: Duration) -> Bool {
        let started = ContinuousClock.now
        var next = Array(opening.utf8)
        while ContinuousClock.now - started < limit {
            let sent = next.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 { return true }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)) > 0 {
                var buffer = [UInt8](repeating: 0, count: 512)
                let count = recv(socket, &buffer, buffer.count, 0)
                // Hung up, or answered (a refusal) and then hung up.
                if count <= 0 { return true }
            }
            next = Array(trickle.utf8)
        }
        return false
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
