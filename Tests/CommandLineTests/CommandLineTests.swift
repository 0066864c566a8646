import CustomerDomain
import CustomerService
import Foundation
import TestSupport
import Testing

/// The `customers` binary itself, run as an operator would, against the test database.
@Suite(.serialized) struct CommandLineTests {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: ".build/debug/customers")

    struct Run {
        let status: Int32
        let output: String
        /// What it wrote to standard error.
        var errors: String = ""
    }

    /// Runs the binary on a thread of its own, away from Swift's cooperative pool; `overrides`
    /// replace variables of the test environment.
    static func customers(_ arguments: [String], overrides: [String: String] = [:]) async throws -> Run {
        let environment = try environment().merging(overrides) { $1 }
        return try await onOwnThread { try run(arguments, environment: environment) }
    }

    static func environment() throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = try TestDatabase.configuration().connectionString
        environment["CUSTOMERS_MASTER_KEY"] = try TestDatabase.masterKeyBase64()
        return environment
    }

    private static func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = FileManager.default.temporaryDirectory.appending(path: "customers-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, output: text, errors: errorText)
    }

    /// `customers replay --from-file` on what `customers export` wrote prints what
    /// `customers replay` prints from the database, and neither shows the tax number.
    @Test func replayFromAnExportedFilePrintsTheSameAsReplayingLive() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let live = try await Self.customers(["replay", jane.rawValue])
            #expect(live.status == 0)
            #expect(live.output.contains("status pending → approved"))

            let exported = try await Self.customers(["export", jane.rawValue])
            #expect(exported.status == 0)
            let file = FileManager.default.temporaryDirectory.appending(path: "\(jane.rawValue).jsonl")
            try exported.output.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let fromFile = try await Self.customers(["replay", "--from-file", file.path])
            #expect(fromFile.status == 0)
            #expect(fromFile.output == live.output)

            let history = try await Self.customers(["history", jane.rawValue])
            #expect(history.status == 0)
            #expect(history.output.contains("IndividualCustomerCreated"))
            for text in [live.output, exported.output, history.output] {
                #expect(!text.contains(ServiceInputs.janeSmith().personalInformation!.taxIdentificationNumber!))
            }
        }
    }

    @Test func explainPrintsEachCriterionWithItsEventAndEvidence() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let explained = try await Self.customers(["explain", jane.rawValue])
            #expect(explained.status == 0, "\(explained.errors)")
            let lines = explained.output.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("kyc_profile_a of \(jane): approved since v7 VerificationProfileStatusChanged by decider-key") == true,
                    "\(explained.output)")
            #expect(lines.contains { $0.contains("(the current rules)") }, "\(explained.output)")
            #expect(lines.contains { $0.hasPrefix("  complete email_address") && $0.contains("since v1 IndividualCustomerCreated by ops-key") },
                    "\(explained.output)")
            #expect(lines.contains { $0.contains("passport sha256") && $0.contains("accepted by ops-key in v") }, "\(explained.output)")

            let json = try await Self.customers(["explain", jane.rawValue, "--json"])
            #expect(json.output.hasPrefix("[{"), "\(json.output)")
            #expect(json.output.contains(#""decidedBy":"decider-key""#))
        }
    }

    @Test func showAsOfVersionOnePrintsTheCustomerAsCreated() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) {
                try await harness.run(command, on: jane)
            }
            let then = try await Self.customers(["show", jane.rawValue, "--as-of-version", "1"])
            #expect(then.status == 0)
            #expect(then.output.contains(#""status" : "incomplete""#))
            let now = try await Self.customers(["show", jane.rawValue])
            #expect(now.output.contains(#""status" : "approved""#))
        }
    }

    /// `customers forget` erases the personal fields everywhere the log is shown; a second run
    /// records nothing, and a customer that does not exist is an error.
    @Test func forgetErasesThePersonalFieldsOfTheWholeStream() async throws {
        try await ServiceHarness.with { harness in
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane).prefix(3) {
                try await harness.run(command, on: jane)
            }
            let forgotten = try await Self.customers(["forget", jane.rawValue])
            #expect(forgotten.status == 0)
            #expect(forgotten.output.contains("personal data erased at version 5"))
            let history = try await Self.customers(["history", jane.rawValue, "--json"])
            #expect(history.output.contains("PersonalDataErased"))
            #expect(history.output.contains(#""firstName":"[erased]""#) || history.output.contains(#""firstName" : "[erased]""#))
            #expect(!history.output.contains("Jane"))
            let asCreated = try await Self.customers(["show", jane.rawValue, "--as-of-version", "1"])
            #expect(!asCreated.output.contains("Jane") && asCreated.output.contains("[erased]"))

            #expect(try await Self.customers(["forget", jane.rawValue]).output.contains("already erased"))
            #expect(try await Self.customers(["forget", ServiceInputs.fresh(CustomerID.self).rawValue]).status != 0)
        }
    }

    @Test func projectionsVerifyReportsNoDifferenceAndExitsZero() async throws {
        let verify = try await Self.customers(["projections", "verify"])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("customers: 0 rows differ"))
        #expect(verify.output.contains("customer_activity: 0 rows differ"))
    }

    @Test func anUnknownCustomerIsAClearFailure() async throws {
        let run = try await Self.customers(["history", "customer_00000000000000000000000000000000"])
        #expect(run.status != 0)
    }
}
