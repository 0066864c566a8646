import CustomerService
import CustomerAPI
import EventStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TestSupport
import Testing

/// `/readyz` answers from a check at most `readinessMaximumAge` old, however often it is probed.
/// The age is a few seconds here so that a busy machine cannot stretch the burst past it.
@Suite struct ReadinessTests {
    static let age: Duration = .seconds(3)

    @Test func probesWithinTheMaximumAgeShareOneCheck() async throws {
        let checks = Atomic<Int>(0)
        let pool = try await TestDatabase.migratedPool(maximumConnections: 2)
        var configuration = APIConfiguration(keyring: TestApplication.keyring, readinessCheck: {
            checks.add(1, ordering: .relaxed)
            return true
        })
        configuration.readinessMaximumAge = Self.age
        let app = buildApplication(
            configuration: configuration, services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())),
            logger: Logger(label: "test"))
        do {
            try await app.test(.router) { client in
                let started = ContinuousClock.now
                for _ in 0..<20 {
                    try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
                }
                let burst = ContinuousClock.now - started
                try #require(burst < Self.age, "the burst took \(burst)")
                #expect(checks.load(ordering: .relaxed) == 1)
                try await Task.sleep(for: Self.age + .milliseconds(100))
                try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
                #expect(checks.load(ordering: .relaxed) == 2)
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}
