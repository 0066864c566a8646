import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// `serve --seal-every` seals what was written while it serves, on its interval.
@Suite(.serialized) struct PeriodicSealTests {
    @Test func serveSealsTheLogOnItsInterval() async throws {
        try await OperatorCommandTests.withScratchURL { url, admin in
            #expect(try await CommandLineTests.customers(["migrate"], overrides: ["DATABASE_URL": url]).status == 0)
            try await AuditTamperingTests.append(AuditTamperingTests.a, ["Opened"], from: 0, on: admin)
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["serve", "--port", "0", "--connections", "2", "--seal-every", "1"]
            process.environment = try CommandLineTests.environment().merging([
                "DATABASE_URL": url, "CUSTOMERS_API_KEYS": "ops:ops-secret-0000000000:admin",
                AuditSigningKey.environmentVariable: AuditTamperingTests.key.base64,
            ]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let sealed: Result<Int, any Error>
            do {
                sealed = .success(try await Self.sealsAfterTwoWrites(on: admin))
            } catch {
                sealed = .failure(error)
            }
            // The server must be gone before the scratch schema is dropped under its sessions.
            process.terminate()
            _ = try await onOwnThread { process.waitUntilExit() }
            #expect(try sealed.get() == 2, "each write is sealed within 30 s")
            let verify = try await AuditTamperingTests.verify(url)
            #expect(verify.status == 0, "\(verify.output)")
            #expect(verify.output.contains("latest seal 2"), "\(verify.output)")
            #expect(!verify.output.contains("unsealed"), "\(verify.output)")
        }
    }

    /// Waits for the first seal, writes again, waits for the second; returns the seals counted.
    static func sealsAfterTwoWrites(on admin: Connection) async throws -> Int {
        func seals() async throws -> Int { try await admin.query("SELECT count(*) FROM audit_seals").rows[0].decode(0, as: Int.self) }
        var count = 0
        for _ in 0..<300 where count == 0 {
            try await Task.sleep(for: .milliseconds(100))
            count = try await seals()
        }
        guard count == 1 else { return count }
        try await AuditTamperingTests.append(AuditTamperingTests.a, ["Renamed"], from: 1, on: admin)
        for _ in 0..<300 where count == 1 {
            try await Task.sleep(for: .milliseconds(100))
            count = try await seals()
        }
        return count
    }

    @Test func serveWithSealsButNoKeyRefusesToStartAndSaysWhy() async throws {
        let run = try await CommandLineTests.customers(
            ["serve", "--port", "0", "--seal-every", "60"],
            overrides: AuditTamperingTests.unsigned.merging(["CUSTOMERS_API_KEYS": "ops:ops-secret-0000000000:admin"]) { $1 })
        #expect(run.status != 0)
        #expect(run.errors.contains("CUSTOMERS_AUDIT_SIGNING_KEY (or CUSTOMERS_AUDIT_SIGNING_KEY_FILE) is not set"), "\(run.errors)")
    }
}
