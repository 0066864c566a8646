import CustomerDomain
import CustomerService
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// What every projector promises, inline or asynchronous, written once and run against each:
/// its live tables equal a replay of the log, each event takes effect once however many
/// runners (or concurrent writers) there are, verify finds a difference planted in its tables,
/// and a rebuild under writers loses nothing. Each case runs in a schema of its own, since it
/// compares and edits whole tables.
@Suite struct ProjectorContractTests {
    /// A projector of the service, made for the schema a case runs in.
    struct Subject: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable (PersonalDataVault) -> any Projector
        /// An UPDATE that makes one live row differ from what the log says.
        let plant: String
        let plantedTable: String

        var testDescription: String { name }
    }

    static let subjects = [
        Subject(
            name: "customers (inline)", make: { CustomerReadModelProjector(vault: $0) },
            plant: "UPDATE customers SET status = 'planted' WHERE id = (SELECT min(id) FROM customers)",
            plantedTable: "customers"),
        Subject(
            name: "customer_activity (asynchronous)", make: { _ in CustomerActivityProjector() },
            plant: "UPDATE customer_activity SET events = events + 1000 WHERE event_type = 'IndividualCustomerCreated'",
            plantedTable: "customer_activity"),
    ]

    @Test(arguments: subjects)
    func theLiveTablesEqualAReplayOfTheLog(subject: Subject) async throws {
        try await Self.withSubject(subject) { harness, projector in
            try await Self.writeLifecycles(on: harness)
            try await Self.catchUp(projector, harness)
            #expect(try await ProjectorRebuild(projector: projector, store: harness.store).verify() == [])
        }
    }

    @Test(arguments: subjects)
    func eachEventTakesEffectOnceUnderTwoRunnersOrConcurrentWriters(subject: Subject) async throws {
        try await Self.withSubject(subject) { harness, projector in
            let runners = (0..<2).map { _ in
                Task { await Self.running(projector, harness) }
            }
            // Two writers on the same customers: conflicts, retries, both committing.
            let shared: [CustomerID] = (0..<3).map { _ in ServiceInputs.fresh() }
            for customer in shared { try await harness.run(.createIndividual(id: customer, ServiceInputs.janeSmith()), on: customer) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        for round in 0..<5 {
                            for customer in shared {
                                let update = IndividualUpdate(meta: ["round": .integer(Int64(round))])
                                try await harness.run(.updateIndividual(update), on: customer)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await Self.catchUp(projector, harness)
            for runner in runners { runner.cancel() }
            for runner in runners { await runner.value }
            #expect(try await ProjectorRebuild(projector: projector, store: harness.store).verify() == [])
            if projector.kind == .asynchronous {
                let total = try await harness.pool.query("SELECT count(*) FROM events").rows[0].decode(0, as: Int64.self)
                let applied = try await harness.store.projectorCheckpoints().first { $0.projector == projector.name }?.eventsApplied
                #expect(applied == total)
            }
        }
    }

    @Test(arguments: subjects)
    func verifyFindsADifferencePlantedInTheLiveTables(subject: Subject) async throws {
        try await Self.withSubject(subject) { harness, projector in
            try await Self.writeLifecycles(on: harness)
            try await Self.catchUp(projector, harness)
            try await harness.pool.query(subject.plant)
            let differences = try await ProjectorRebuild(projector: projector, store: harness.store).verify()
            #expect(differences.map(\.table) == [subject.plantedTable])
            #expect(differences.first?.onlyLiveCount == 1)
            #expect(differences.first?.onlyShadowCount == 1)
            // A rebuild repairs it.
            try await ProjectorRebuild(projector: projector, store: harness.store).rebuild()
            #expect(try await ProjectorRebuild(projector: projector, store: harness.store).verify() == [])
        }
    }

    @Test(arguments: subjects)
    func aRebuildUnderWritersLosesNothing(subject: Subject) async throws {
        try await Self.withSubject(subject) { harness, projector in
            // A log the rebuild has something to replay from, whatever other suites' open
            // transactions hold behind the fence meanwhile.
            try await Self.writeLifecycles(on: harness)
            try await Self.catchUp(projector, harness)
            let live = Task { await Self.running(projector, harness) }
            let (replayed, customers) = try await CustomerWriters.writing(4, for: .milliseconds(2_000), on: harness) {
                try await Task.sleep(for: .milliseconds(400))
                return try await ProjectorRebuild(projector: projector, store: harness.store).rebuild()
            }
            // Every event before the rebuild's cut is in what it swapped in, every later one was
            // written or applied live: either way the tables equal the log.
            _ = replayed
            #expect(customers.count >= 4)
            try await Self.catchUp(projector, harness)
            live.cancel()
            await live.value
            #expect(try await ProjectorRebuild(projector: projector, store: harness.store).verify() == [])
        }
    }

    // MARK: Support

    static func withSubject(_ subject: Subject, _ body: (ServiceHarness, any Projector) async throws -> Void) async throws {
        try await TestDatabase.withScratchSchema(maximumConnections: 10) { pool in
            let harness = try ServiceHarness.on(pool)
            try await body(harness, subject.make(harness.vault))
        }
    }

    static func writeLifecycles(on harness: ServiceHarness) async throws {
        for _ in 0..<2 {
            let jane: CustomerID = ServiceInputs.fresh()
            for command in Lifecycles.individualApproval(of: jane) { try await harness.run(command, on: jane) }
        }
        let acme: CustomerID = ServiceInputs.fresh()
        for command in Lifecycles.businessApproval(of: acme) { try await harness.run(command, on: acme) }
    }

    /// Runs an asynchronous projector's runner until it is cancelled; nothing for an inline one,
    /// whose rows the commands write.
    static func running(_ projector: any Projector, _ harness: ServiceHarness) async {
        guard let asynchronous = projector as? any AsynchronousProjector else { return }
        await ProjectorRunner(projector: asynchronous, store: harness.store, batchSize: 7).run(pollInterval: .milliseconds(20))
    }

    /// Applies every committed event (an inline projector is always caught up).
    static func catchUp(_ projector: any Projector, _ harness: ServiceHarness, timeout: Duration = .seconds(20)) async throws {
        guard let asynchronous = projector as? any AsynchronousProjector else { return }
        let runner = ProjectorRunner(projector: asynchronous, store: harness.store)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let checkpoint = try await harness.store.projectorCheckpoints().first { $0.projector == projector.name }
            if let checkpoint, try await harness.store.eventsAfter(checkpoint.position) == 0 { return }
            if case .parked(let failure) = try await runner.runOnce() { throw UnexpectedlyParked(failure: failure) }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TimedOut(what: "\(projector.name) to catch up")
    }
}
