@testable import CustomerService
import CustomerDomain
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// `customers keys rotate-master` while commands go on: every customer still reads under the new
/// key, webhook secrets and email uniqueness move with it, and the old key is refused.
@Suite struct MasterKeyRotationTests {
    @Test func rotatingUnderWriteLoadKeepsEveryCustomerReadableAndRefusesTheOldKey() async throws {
        try await TestDatabase.withScratchSchema(maximumConnections: 6) { pool in
            let harness = try ServiceHarness.on(pool)
            try await harness.vault.checkMasterKey(on: harness.store)
            let oldKey = harness.vault.masterKey
            let newKey = MasterKey.generate()
            var before: [(CustomerID, String)] = []
            for _ in 0..<40 {
                let id: CustomerID = ServiceInputs.fresh()
                let email = ServiceInputs.uniqueEmail("before")
                try await harness.run(.createIndividual(id: id, ServiceInputs.janeSmith(email: email)), on: id)
                before.append((id, email))
            }
            let forgotten = before[0].0
            try await harness.run(.erasePersonalData, on: forgotten)
            let subscription = try await WebhookSubscriptions(store: harness.store, vault: harness.vault, policy: WebhookURLPolicy())
                .create(WebhookSubscriptionInput(url: "https://hooks.example.com/rotation", events: ["*"]))

            // Writers keep creating customers and uploading until the rotation is done; those the
            // old key could still write are kept, the rest are refused and write nothing.
            let writers = Task { () -> [CustomerID] in
                var made: [CustomerID] = []
                while !Task.isCancelled, made.count < 500 {
                    let id: CustomerID = ServiceInputs.fresh()
                    do {
                        try await harness.run(.createIndividual(id: id, ServiceInputs.janeSmith()), on: id)
                        try await harness.run(.recordDocumentUpload(id: ServiceInputs.fresh(), ServiceInputs.upload(.passport, for: id.rawValue)), on: id)
                        made.append(id)
                    } catch {
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                }
                return made
            }
            try await Task.sleep(for: .milliseconds(50))
            let summary = try await MasterKeyRotation(store: harness.store, current: oldKey, new: newKey).run(batchSize: 7)
            writers.cancel()
            let during = await writers.value
            #expect(summary.customerKeys >= 39, "\(summary)")
            #expect(summary.webhookSecrets == 1)
            #expect(summary.emailReservations >= 39)
            #expect(!during.isEmpty, "the writers wrote during the rotation")

            // The old key is refused, saying why; the new one opens every customer.
            let refusal = await #expect(throws: PersonalDataError.self) { try await harness.vault.checkMasterKey(on: harness.store) }
            #expect(refusal.map { "\($0)" }?.contains("rotate-master") == true, "\(String(describing: refusal))")
            let vault = PersonalDataVault(masterKey: newKey)
            try await vault.checkMasterKey(on: harness.store)
            let history = CustomerHistory(store: harness.store, vault: vault)
            for id in before.map(\.0).dropFirst() + during {
                let state = try await history.state(of: id, asOfVersion: 1)
                #expect(state.customer?.personalInformation?.firstName == "Jane", "\(id)")
            }
            #expect(try await history.state(of: forgotten, asOfVersion: 1).customer?.personalInformation?.firstName == PersonalData.erased)
            // Keys made by the old key after the swap would open with no key: there are none.
            let unreadable = try await pool.query("SELECT customer_id, wrapped_key FROM customer_keys WHERE wrapped_key IS NOT NULL").rows
                .filter { row in (try? newKey.unwrap(try row.decode(1, as: Data.self), for: try row.decode(0, as: String.self))) == nil }
            #expect(unreadable.isEmpty, "\(unreadable.count) keys do not open with the new master key")
            let sealed = try await pool.query("SELECT sealed_secret FROM webhook_subscriptions WHERE id = $1", [subscription.id]).rows[0]
            #expect(String(decoding: try newKey.openSecret(try sealed.decode(0, as: Data.self), for: subscription.id), as: UTF8.self) == subscription.secret)

            // Uniqueness and the email filter go on under the new index.
            let handler = CommandHandler(store: harness.store, vault: vault)
            let duplicate: CustomerID = ServiceInputs.fresh()
            await #expect(throws: CustomerServiceError.duplicateEmail(email: before[1].1)) {
                try await handler.handle(
                    .createIndividual(id: duplicate, ServiceInputs.janeSmith(email: before[1].1)), customer: duplicate,
                    request: ServiceHarness.request(), response: ServiceHarness.viewResponse)
            }
            let found = try await CustomerQueries(store: harness.store, emailIndex: vault.emailIndex).customers(CustomerFilter(email: before[2].1))
            #expect(found.total == 1)

            // Running it again finds the work done.
            #expect(try await MasterKeyRotation(store: harness.store, current: oldKey, new: newKey).run().alreadyRotated)
        }
    }
}
