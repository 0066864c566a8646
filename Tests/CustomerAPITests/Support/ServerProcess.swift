import Foundation
import TestSupport
import Testing

/// The `customers` binary serving on a random loopback port against the test database, as it
/// is deployed: for tests of what only the real process shows (its parser, its log).
struct ServerProcess {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: ".build/debug/customers")

    let port = Int.random(in: 20_000...29_999)
    let process = Process()

    /// Starts the server with `apiKeys` and `options` of `serve`, on `databaseURL` (the test
    /// database by default); its standard output and error go to `log` (or nowhere).
    static func start(apiKeys: String, options: [String] = [], databaseURL: String? = nil, log: URL? = nil) async throws -> ServerProcess {
        let server = ServerProcess()
        server.process.executableURL = binary
        server.process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(server.port), "--connections", "2"] + options
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = try databaseURL ?? TestDatabase.configuration().connectionString
        environment["CUSTOMERS_MASTER_KEY"] = try TestDatabase.masterKeyBase64()
        environment["CUSTOMERS_API_KEYS"] = apiKeys
        server.process.environment = environment
        if let log {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            server.process.standardOutput = handle
            server.process.standardError = handle
        } else {
            server.process.standardOutput = FileHandle.nullDevice
            server.process.standardError = FileHandle.nullDevice
        }
        try server.process.run()
        let health = Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        for _ in 0..<100 {
            let port = server.port
            if try await onOwnThread { try RawHTTP.send(health, port: port) } == "HTTP/1.1 200 OK" {
                return server
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        await server.stop()
        throw ServerDidNotStart()
    }

    /// SIGTERM, then waits for the process to end (it finishes requests in flight first).
    func stop() async {
        let process = process
        process.terminate()
        _ = try? await onOwnThread { process.waitUntilExit() }
    }

    struct ServerDidNotStart: Error {}
}
