import Foundation
import Testing
import Yams

/// `docker-compose.yml` is for our users; no Docker engine runs here, so the file is checked
/// against the Compose Specification with check-jsonschema's own copy of its schema (pinned in
/// requirements.txt, installed into .venv by `make test`), and for the wiring the service needs.
@Suite struct ComposeFileTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let composeFile = projectRoot.appending(path: "docker-compose.yml")

    @Test func composeFileMatchesTheComposeSpecification() throws {
        let result = try Self.checkJSONSchema(Self.composeFile)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theSpecificationCheckRefusesAnInvalidFile() throws {
        let broken = FileManager.default.temporaryDirectory.appending(path: "compose-\(UUID().uuidString).yml")
        try "services:\n  customers:\n    image: 42\n    ports: {bad: true}\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try Self.checkJSONSchema(broken)
        #expect(result.status != 0, "\(result.output)")
    }

    @Test func theServiceIsWiredToItsDatabase() throws {
        let services = try #require(try Self.document()["services"] as? [String: Any])
        let postgres = try #require(services["postgres"] as? [String: Any])
        let customers = try #require(services["customers"] as? [String: Any])
        #expect((postgres["image"] as? String)?.hasPrefix("postgres:15") == true)
        #expect(postgres["healthcheck"] != nil)
        #expect(customers["healthcheck"] != nil)
        #expect(customers["build"] != nil)
        let dependsOn = try #require(customers["depends_on"] as? [String: Any])
        #expect((dependsOn["postgres"] as? [String: Any])?["condition"] as? String == "service_healthy")
        #expect((dependsOn["migrate"] as? [String: Any])?["condition"] as? String == "service_completed_successfully")
        let volumes = try #require(postgres["volumes"] as? [String])
        let named = Set((try Self.document()["volumes"] as? [String: Any])?.keys.map { $0 } ?? [])
        #expect(volumes.contains { named.contains(String($0.split(separator: ":")[0])) }, "postgres data is not on a named volume")
    }

    /// Only migrations log in as the owner; the service logs in as the login role `migrate`
    /// makes, a member of customers_service only, never as the owner narrowed by SET ROLE.
    @Test func theServiceLogsInAsItsOwnRoleNotAsTheOwner() throws {
        let services = try #require(try Self.document()["services"] as? [String: Any])
        let postgres = try #require(services["postgres"] as? [String: Any])
        let migrate = try #require(services["migrate"] as? [String: Any])
        let customers = try #require(services["customers"] as? [String: Any])
        let owner = try #require((postgres["environment"] as? [String: Any])?["POSTGRES_USER"] as? String)
        let environment = try #require(customers["environment"] as? [String: Any])
        let url = try #require(environment["DATABASE_URL"] as? String)
        let user = try #require(Self.user(of: url))
        #expect(user != owner, "the service logs in as the owner \(owner)")
        #expect(environment["CUSTOMERS_DATABASE_ROLE"] == nil, "SET ROLE can be undone by any SQL on the session")
        let command = try #require(migrate["command"] as? [String])
        let login = try #require(command.firstIndex(of: "--service-login").map { command[$0 + 1] })
        #expect(login == user)
        let migrateURL = try #require((migrate["environment"] as? [String: Any])?["DATABASE_URL"] as? String)
        #expect(Self.user(of: migrateURL) == owner)
    }

    static func document() throws -> [String: Any] {
        let text = try String(contentsOf: composeFile, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    /// `user` of `postgresql://user:password@host/…`.
    static func user(of url: String) -> String? {
        guard let start = url.range(of: "://"), let at = url[start.upperBound...].firstIndex(of: "@") else { return nil }
        return url[start.upperBound..<at].split(separator: ":").first.map(String.init)
    }

    static func checkJSONSchema(_ file: URL) throws -> (status: Int32, output: String) {
        let tool = projectRoot.appending(path: ".venv/bin/check-jsonschema")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            return (127, "\(tool.path) is missing: run scripts/install-dependencies (make test does)")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--builtin-schema", "vendor.compose-spec", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
