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

/// `/readyz` answers from a check at most a second old, however often it is probed.
@Suite struct ReadinessTests {
    @Test func probesWithinASecondShareOneCheck() async throws {
        let checks = Atomic<Int>(0)
        let pool = try await TestDatabase.migratedPool(maximumConnections: 2)
        let configuration = APIConfiguration(keyring: TestApplication.keyring, readinessCheck: {
            checks.add(1, ordering: .relaxed)
            return true
        })
        let app = buildApplication(
            configuration: configuration, services: APIServices(CustomerServices(store: EventStore(pool: pool), vault: try TestApplication.vault())),
            logger: Logger(label: "test"))
        do {
            try await app.test(.router) { client in
                for _ in 0..<20 {
                    try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
                }
                #expect(checks.load(ordering: .relaxed) == 1)
                try await Task.sleep(for: .milliseconds(1_100))
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
