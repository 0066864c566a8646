import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// `customers keys rotate-master`: run twice (the second finds it done), and afterwards a process
/// started with the old key stops with a message that names the rotation.
@Suite(.serialized) struct KeyRotationCommandTests {
    @Test func afterARotationTheOldKeyIsRefusedWithAClearMessage() async throws {
        try await OperatorCommandTests.withScratchURL { url, admin in
            #expect(try await CommandLineTests.customers(["migrate"], overrides: ["DATABASE_URL": url]).status == 0)
            let keyFile = FileManager.default.temporaryDirectory.appending(path: TestDatabase.uniqueName("new-master-key"))
            let newKey = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            try newKey.write(to: keyFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: keyFile) }

            let rotated = try await CommandLineTests.customers(
                ["keys", "rotate-master", "--new-key-file", keyFile.path], overrides: ["DATABASE_URL": url])
            #expect(rotated.status == 0, "\(rotated.errors)")
            #expect(rotated.output.contains("rotated to the new master key"), "\(rotated.output)")
            #expect(rotated.output.contains("restart every process"))

            let resumed = try await CommandLineTests.customers(
                ["keys", "rotate-master", "--new-key-file", keyFile.path], overrides: ["DATABASE_URL": url])
            #expect(resumed.status == 0, "\(resumed.errors)")
            #expect(resumed.output.contains("already on the new master key"), "\(resumed.output)")
            let again = try await CommandLineTests.customers(
                ["keys", "rotate-master", "--new-key-file", keyFile.path], overrides: ["DATABASE_URL": url, "CUSTOMERS_MASTER_KEY": newKey])
            #expect(again.status != 0, "the new key is the current one now")
            let old = try await CommandLineTests.customers(
                ["serve", "--port", "0"], overrides: ["DATABASE_URL": url, "CUSTOMERS_API_KEYS": "ops:ops-secret-0000000000:admin"])
            #expect(old.status != 0)
            #expect(old.errors.contains("`customers keys rotate-master` replaced"), "\(old.errors)")
            let withNew = try await CommandLineTests.customers(
                ["webhooks", "status"], overrides: ["DATABASE_URL": url, "CUSTOMERS_MASTER_KEY": newKey])
            #expect(withNew.status == 0, "\(withNew.errors)")
        }
    }
}
