import Foundation
import TestSupport
import Testing

/// A known tax number, names, date of birth, email, phone, address and an uploaded document go
/// through the deployed binary (create, upload, update, history, time travel, a refused request,
/// forget); then neither a dump of the whole database nor the service's log holds any of them in
/// plain text.
@Suite(.serialized) struct PersonalDataExposureTests {
    static let secret = "exposure-secret-0123456789"
    let firstName = "Xavi" + Self.letters(10)
    let lastName = "Yarrow" + Self.letters(10)
    let taxNumber = String(format: "%03d-%02d-%04d", Int.random(in: 100...665), Int.random(in: 10...99), Int.random(in: 1000...9999))
    let dateOfBirth = "1968-02-29"
    let email = "exposed." + Self.letters(12) + "@example.com"
    let phone = "+1312555" + String(Int.random(in: 1000...9999))
    let line1 = "\(Int.random(in: 100...999)) " + Self.letters(10).capitalized + " Street"
    let fileName = "passport-of-" + Self.letters(10) + ".pdf"
    let documentMarker = "document-bytes-" + Self.letters(16)

    @Test func noPlainPersonalDataInTheDatabaseDumpOrTheLog() async throws {
        let log = FileManager.default.temporaryDirectory.appending(path: TestDatabase.uniqueName("service") + ".log")
        defer { try? FileManager.default.removeItem(at: log) }
        let server = try await ServerProcess.start(
            apiKeys: "auditor:\(Self.secret):customers:write,customers:read,audit:read,admin", log: log)
        let api = "http://127.0.0.1:\(server.port)"

        let created = try await curl("-X", "POST", "\(api)/v2/customer", "-H", "Content-Type: application/json", "-d", """
            {"type":"individual","email":"\(email)","phone":"\(phone)",
             "address":{"line1":"\(line1)","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"},
             "personalInformation":{"firstName":"\(firstName)","lastName":"\(lastName)","dateOfBirth":"\(dateOfBirth)",
               "taxIdentificationNumber":"\(taxNumber)","taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"}}
            """)
        try #require(created.status == 201, "\(created.body)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])?["id"] as? String)
        #expect(created.body.contains(firstName), "the customer itself shows its names")
        #expect(!created.body.contains(taxNumber), "no response shows the tax number")
        let pdf = FileManager.default.temporaryDirectory.appending(path: fileName)
        try Data("%PDF-1.4\n% \(documentMarker)\n%%EOF\n".utf8).write(to: pdf)
        defer { try? FileManager.default.removeItem(at: pdf) }
        let uploaded = try await curl("-X", "POST", "\(api)/v2/document", "-F", "targetId=\(id)", "-F", "target=customer",
                                      "-F", "documentType=passport", "-F", "country=USA", "-F", "file=@\(pdf.path)")
        #expect(uploaded.status == 201 && uploaded.body.contains(fileName), "\(uploaded.body)")

        // A refused request that carries the tax number, and one that searches for a name.
        let refused = try await curl("-X", "PATCH", "\(api)/v2/customer/\(id)", "-H", "Content-Type: application/json",
                               "-d", #"{"personalInformation":{"taxIdentificationNumber":"\#(taxNumber)","dateOfBirth":"2999-01-01"}}"#)
        #expect(refused.status == 400 || refused.status == 422)
        #expect(!refused.body.contains(taxNumber))
        _ = try await curl("\(api)/v2/customer?search=\(lastName)")
        let history = try await curl("\(api)/v2/customer/\(id)/events")
        #expect(history.status == 200 && history.body.contains(lastName) && !history.body.contains(taxNumber))
        #expect(try await curl("\(api)/v2/customer/\(id)?asOfVersion=1").body.contains(firstName))

        let forgotten = try await curl("-X", "POST", "\(api)/v2/customer/\(id)/forget")
        #expect(forgotten.status == 200)
        #expect(forgotten.body.contains(#""firstName":"[erased]""#), "\(forgotten.body)")
        let erasedHistory = try await curl("\(api)/v2/customer/\(id)/events")
        #expect(erasedHistory.body.contains("PersonalDataErased") && !erasedHistory.body.contains(lastName))
        #expect(try await curl("\(api)/v2/customer/\(id)?asOfVersion=1").body.contains(#""lastName":"[erased]""#))
        await server.stop()

        let dump = try await dumpOfTheServiceSchema()
        #expect(dump.contains(id), "the dump is of the database the server wrote to")
        let logText = try String(contentsOf: log, encoding: .utf8)
        for value in [taxNumber, firstName, lastName, dateOfBirth, email, phone, line1, fileName, documentMarker] {
            #expect(!dump.contains(value), "\(value) is in the database dump")
        }
        // pg_dump writes bytea as hex: the document's bytes would show so.
        let markerHex = documentMarker.utf8.map { String(format: "%02x", $0) }.joined()
        #expect(!dump.contains(markerHex), "the document's bytes are in the database dump")
        for value in [taxNumber, firstName, email, phone, line1, fileName, documentMarker, Self.secret] {
            #expect(!logText.contains(value), "\(value) is in the service's log")
        }

        // Every line the requests logged names its request id and its actor (anonymous for the
        // start-up health probes, which send no key).
        let requestLines = logText.split(separator: "\n").filter { $0.contains("request_id=") || $0.contains(" request") }
        #expect(requestLines.count >= 8)
        for line in requestLines {
            let actor = line.contains("route=/healthz") ? "actor=anonymous" : "actor=auditor"
            #expect(line.contains("request_id=") && line.contains(actor), "\(line)")
        }
    }

    /// `pg_dump` of the schema the service writes to. Other suites create and drop scratch
    /// schemas and swap rebuilt tables in meanwhile; a dump that met such a drop is taken again.
    private func dumpOfTheServiceSchema() async throws -> String {
        let url = try TestDatabase.configuration().connectionString
        for _ in 0..<4 {
            let (status, output) = try await onOwnThread { try Self.runBlocking("pg_dump", ["--schema", "public", "--dbname", url]) }
            if status == 0 { return output }
            try await Task.sleep(for: .milliseconds(500))
        }
        return try await run("pg_dump", "--schema", "public", "--dbname", url)
    }

    private func curl(_ arguments: String...) async throws -> (status: Int, body: String) {
        let output = try await run("curl", ["-s", "-H", "Authorization: Bearer \(Self.secret)", "-w", "\n%{http_code}"] + arguments)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    private func run(_ tool: String, _ arguments: String...) async throws -> String {
        try await run(tool, arguments)
    }

    /// Runs `tool` on a thread of its own and returns what it printed.
    private func run(_ tool: String, _ arguments: [String]) async throws -> String {
        let (status, output) = try await onOwnThread { try Self.runBlocking(tool, arguments) }
        try #require(status == 0, "\(tool) exited with \(status)")
        return output
    }

    private static func runBlocking(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func letters(_ count: Int) -> String {
        String((0..<count).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
    }
}
