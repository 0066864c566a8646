import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct OversizedHeaderTests {
    /// Header sections and request lines far beyond any sane size, and bytes that are not HTTP,
    /// are refused with a 4xx by the server's HTTP parser, and the server goes on serving. Run
    /// against the `customers` binary itself, as deployed.
    @Test(arguments: [
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n",
        "GET /v2/customer?search=\(String(repeating: "a", count: 500_000)) HTTP/1.1\r\nHost: x\r\n\r\n",
        "NOT HTTP AT ALL\r\n\r\n",
    ])
    func isRefusedAndTheServerGoesOn(request: String) async throws {
        let server = try await ServerProcess.start(apiKeys: "probe:probe-secret-0123456789:customers:read")
        let port = server.port
        let health = Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8)

        let statusLine = try? await onOwnThread { try RawHTTP.send(Array(request.utf8), port: port) }
        let after = try? await onOwnThread { try RawHTTP.send(health, port: port) }
        await server.stop()
        #expect(statusLine?.hasPrefix("HTTP/1.1 4") == true, "\(String(describing: statusLine))")
        #expect(after == "HTTP/1.1 200 OK")
    }
}

/// Sends raw bytes to 127.0.0.1 and reads the answer.
enum RawHTTP {
    /// The first line of the answer (nil if none came).
    static func send(_ bytes: [UInt8], port: Int) throws -> String? {
        guard let socket = LoopbackSocket.connect(port: port) else { return nil }
        defer { close(socket) }
        write(bytes, to: socket)
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 10_000) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self).components(separatedBy: "\r\n").first
    }

    /// The whole answer to a request sent with `Connection: close`, up to 30 s.
    static func exchange(_ bytes: [UInt8], port: Int) throws -> String {
        guard let socket = LoopbackSocket.connect(port: port) else { return "" }
        defer { close(socket) }
        write(bytes, to: socket)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 30_000) > 0 {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    private static func write(_ bytes: [UInt8], to socket: Int32) {
        var offset = 0
        while offset < bytes.count {
            // The server may answer and close before everything is sent: stop writing then.
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            offset += written
        }
    }
}
