import TestSupport
import CustomerDomain
@testable import CustomerService
import Foundation
import Testing

/// A repeated Idempotency-Key gets the first response back and changes nothing.
@Suite struct IdempotencyTests {
    static func claim(hash: String = "request-hash-1") -> IdempotencyClaim {
        IdempotencyClaim(key: UUID().uuidString.lowercased(), requestHash: hash)
    }

    /// Jane, created, and an upload for her that the tests send with a key.
    static func janeAndAnUpload(on harness: ServiceHarness) async throws -> (CustomerID, CustomerCommand) {
        let jane: CustomerID = ServiceInputs.fresh()
        try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith()), on: jane)
        let upload = CustomerCommand.recordDocumentUpload(
            id: ServiceInputs.fresh(), ServiceInputs.upload(.passport, for: jane.rawValue))
        return (jane, upload)
    }

    @Test func aRepeatedKeyReturnsTheStoredResponseAndAppendsNothing() async throws {
        try await ServiceHarness.with { harness in
            let (jane, upload) = try await Self.janeAndAnUpload(on: harness)
            let claim = Self.claim()

            let first = try await harness.run(upload, on: jane, idempotency: claim)
            let versionAfterFirst = try await harness.history.events(of: jane).last?.version
            let second = try await harness.run(upload, on: jane, idempotency: claim)

            #expect(first.executed)
            #expect(!second.executed)
            #expect(second.response == first.response)
            #expect(second.appendedEvents == 0)
            #expect(try await harness.history.events(of: jane).last?.version == versionAfterFirst)
        }
    }

    @Test func aKeyReusedWithAnotherRequestIsRefused() async throws {
        try await ServiceHarness.with { harness in
            let (jane, upload) = try await Self.janeAndAnUpload(on: harness)
            let claim = Self.claim(hash: "request-hash-1")
            try await harness.run(upload, on: jane, idempotency: claim)
            let versionAfterFirst = try await harness.history.events(of: jane).last?.version

            let other = CustomerCommand.recordDocumentUpload(
                id: ServiceInputs.fresh(), ServiceInputs.upload(.livenessReport, for: jane.rawValue))
            let reused = IdempotencyClaim(key: claim.key, requestHash: "request-hash-2")
            await #expect(throws: CustomerServiceError.idempotencyMismatch(key: claim.key)) {
                try await harness.run(other, on: jane, idempotency: reused)
            }
            #expect(try await harness.history.events(of: jane).last?.version == versionAfterFirst)
        }
    }

    @Test func aKeyBelongsToTheCallerThatSentIt() async throws {
        try await ServiceHarness.with { harness in
            let (jane, upload) = try await Self.janeAndAnUpload(on: harness)
            let claim = Self.claim()
            try await harness.run(upload, on: jane, idempotency: claim)

            let other = CustomerCommand.recordDocumentUpload(
                id: ServiceInputs.fresh(), ServiceInputs.upload(.livenessReport, for: jane.rawValue))
            let result = try await harness.handler.handle(
                other, customer: jane, request: ServiceHarness.request(idempotency: claim, actor: "partner-key"),
                response: ServiceHarness.viewResponse)
            #expect(result.executed)
            #expect(try await harness.foldedState(of: jane).customer?.documents.count == 2)
        }
    }

    /// Eight copies of one request (a client retrying before the first answer came back) race
    /// through the handler: one executes, the others get its response. Commands are held at the
    /// read-model lock until all eight have read the command log and the stream, so every copy
    /// but one loses the append and must find the winner's response when it tries again.
    @Test func concurrentRequestsWithOneKeyExecuteOnce() async throws {
        try await ServiceHarness.with(maximumConnections: 16) { harness in
            let (jane, upload) = try await Self.janeAndAnUpload(on: harness)
            let versionBefore = try await harness.history.events(of: jane).last?.version ?? 0
            let claim = Self.claim()
            try await harness.warmUp(connections: 10)

            let outcomes = try await withThrowingTaskGroup(of: Result<CommandResult, any Error>.self) { group in
                try await Self.holdingCommands(on: harness) {
                    for _ in 0..<8 {
                        group.addTask {
                            do { return .success(try await harness.run(upload, on: jane, idempotency: claim)) } catch {
                                return .failure(error)
                            }
                        }
                    }
                    try await Task.sleep(for: .milliseconds(300))
                }
                return try await group.reduce(into: [Result<CommandResult, any Error>]()) { $0.append($1) }
            }

            let failures = outcomes.compactMap { outcome -> String? in
                if case .failure(let error) = outcome { return String(describing: error) }
                return nil
            }
            #expect(failures == [], "a copy of the request failed instead of getting the first response")
            let results = outcomes.compactMap { try? $0.get() }
            let executed = results.filter { $0.executed }
            #expect(executed.count == 1)
            #expect(Set(results.map(\.response.body)).count == 1)
            #expect(Set(results.map(\.response.statusCode)).count == 1)
            let events = try await harness.history.events(of: jane)
            #expect(events.filter { $0.type == "DocumentUploaded" }.count == 1)
            #expect(events.last?.version == versionBefore + Int64(executed.first?.appendedEvents ?? 0))
        }
    }

    /// Runs `body` while holding the lock a rebuild's swap takes: every command waits at its
    /// first statement, after it has read the command log and decided.
    static func holdingCommands(on harness: ServiceHarness, _ body: () async throws -> Void) async throws {
        try await harness.pool.withTransaction { transaction in
            try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/projector:customers'))")
            try await body()
        }
    }
}
