import Foundation
import Testing
@testable import CustomerDomain

/// Properties that hold for every history the generator can produce.
@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...60)
    static let commandsPerHistory = 70

    struct History {
        var state = CustomerState.initial
        var events: [CustomerEvent] = []
        var accepted = 0
        var statesAfterCommands: [CustomerState] = []
        var eventCounts: [Int] = []
    }

    static func history(seed: UInt64) -> History {
        var generator = CommandGenerator(seed: seed)
        var history = History()
        for step in 0..<commandsPerHistory {
            let command = generator.next(for: history.state)
            let context = CommandContext(now: Fixtures.now.addingTimeInterval(Double(step) * 61.0123))
            guard let emitted = try? decide(command, state: history.state, context: context) else { continue }
            history.accepted += 1
            history.events += emitted
            for event in emitted { history.state = evolve(history.state, event) }
            history.statesAfterCommands.append(history.state)
            history.eventCounts.append(emitted.count)
        }
        return history
    }

    /// What a service does when it loads a customer: read the stored log,
    /// decode it and fold it from the initial state. That must give exactly
    /// the state each command was decided on, command after command.
    @Test(arguments: seeds)
    func foldingTheStoredLogGivesTheStateDecideWorkedOn(seed: UInt64) throws {
        let history = Self.history(seed: seed)
        #expect(history.accepted > Self.commandsPerHistory / 2)
        let stored = history.events.map { $0.encoded() }
        let replayed = try stored.map { try CustomerEvent.decode(type: $0.type, schemaVersion: $0.schemaVersion, data: $0.data) }
        #expect(fold(replayed) == history.state)
        var position = 0
        for (count, state) in zip(history.eventCounts, history.statesAfterCommands) {
            position += count
            #expect(fold(replayed.prefix(position)) == state)
        }
    }

    @Test(arguments: seeds)
    func everyCriterionIsInExactlyOneList(seed: UInt64) {
        for state in Self.history(seed: seed).statesAfterCommands {
            for subjectProfile in verificationProfiles(state) {
                let criteria = subjectProfile.profile.criteria
                let listed = criteria.complete + criteria.pending + criteria.required + criteria.errors.map(\.name)
                #expect(listed.sorted() == tableNames(of: subjectProfile.profile.name).sorted())
            }
        }
    }

    @Test(arguments: seeds)
    func everyUndecidedStatusIsTheOneItsCriteriaCallFor(seed: UInt64) {
        for state in Self.history(seed: seed).statesAfterCommands {
            for subjectProfile in verificationProfiles(state) {
                let profile = subjectProfile.profile
                #expect(profile.status == profile.statusCalledForByCriteria)
                if profile.status == .approved, subjectProfile.subject.id.hasPrefix("customer_") {
                    #expect(profile.criteria.complete.count == tableNames(of: profile.name).count)
                }
            }
        }
    }

    @Test(arguments: seeds)
    func decodingEveryEncodedEventGivesItBack(seed: UInt64) throws {
        for event in Self.history(seed: seed).events {
            let stored = event.encoded()
            #expect(try CustomerEvent.decode(type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data) == event)
        }
    }

    @Test(arguments: seeds)
    func encodingIsDeterministic(seed: UInt64) {
        for event in Self.history(seed: seed).events {
            #expect(event.encoded().data == event.encoded().data)
        }
    }

    /// Guards the generator itself: histories must reach every decision of
    /// every profile, or the properties above would prove little.
    @Test func generatedHistoriesReachEveryDecisionOfEveryProfile() {
        var seen: Set<String> = []
        for seed in Self.seeds {
            for case .verificationProfileStatusChanged(let change) in Self.history(seed: seed).events {
                seen.insert("\(change.profile.rawValue) \(change.to.rawValue)")
            }
        }
        for profile in ProfileName.allCases {
            for status in [ProfileStatus.pending, .approved, .rejected] {
                #expect(seen.contains("\(profile.rawValue) \(status.rawValue)"))
            }
        }
    }

    func tableNames(of profile: ProfileName) -> [String] {
        switch profile {
        case .kycProfileA: ProfileTables.kyc.criterionNames
        case .kybProfileA: ProfileTables.kyb.criterionNames
        case .uboKycProfileA: ProfileTables.ubo.criterionNames
        }
    }
}
