import Foundation
import Testing

/// `docker-compose.yml` is for our users; no Docker engine runs here, so the file is checked
/// against the Compose Specification's JSON schema and for the wiring the service needs.
@Suite struct ComposeFileTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func composeFileMatchesTheComposeSpecification() throws {
        let schema = Self.projectRoot.appending(path: "../shared/schemas/compose-spec.json").standardizedFileURL
        let result = try runPython(
            """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = yaml.safe_load(open(sys.argv[2]))
            jsonschema.validate(document, schema)
            services = document["services"]
            assert set(services) >= {"postgres", "customers"}, services.keys()
            assert services["postgres"]["image"].startswith("postgres:15"), services["postgres"]["image"]
            assert "healthcheck" in services["postgres"]
            assert "healthcheck" in services["customers"]
            assert "build" in services["customers"]
            env = services["customers"]["environment"]
            assert "DATABASE_URL" in env, env
            assert services["customers"]["depends_on"]["postgres"]["condition"] == "service_healthy"
            assert any(isinstance(v, str) and v.split(":")[0] in document.get("volumes", {})
                       for v in services["postgres"]["volumes"]), "postgres data is not on a named volume"
            print("ok")
            """,
            arguments: [schema.path, Self.projectRoot.appending(path: "docker-compose.yml").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok"))
    }

    @Test func composeCheckRejectsAnInvalidFile() throws {
        let schema = Self.projectRoot.appending(path: "../shared/schemas/compose-spec.json").standardizedFileURL
        let broken = FileManager.default.temporaryDirectory.appending(path: "compose-\(UUID().uuidString).yml")
        try "services:\n  customers:\n    image: 42\n    ports: {bad: true}\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try runPython(
            """
            import json, sys, yaml, jsonschema
            jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """,
            arguments: [schema.path, broken.path])
        #expect(result.status != 0)
    }

    private func runPython(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
