import CustomerService
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// Deliveries to real receivers on 127.0.0.1: signed, in log order per customer, retried until
/// the receiver recovers, and never held up by another subscription's dead endpoint.
@Suite struct WebhookDeliveryTests {
    /// Jane's whole approval through the API; returns her id.
    static func approveJane(_ harness: WebhookHarness) async throws -> String {
        let api = harness.api
        let jane = try await api.createJane()
        try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
        try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
        let approved = try await api.decide(customer: jane.id, profile: "kyc_profile_a")
        #expect(approved.status == .ok, "\(approved.body)")
        return jane.id
    }

    /// The deliveries a receiver got for `customer`, answered with 2xx, in arrival order.
    static func names(of customer: String, in deliveries: [WebhookReceiver.Delivery]) -> [String] {
        deliveries.filter { $0.customerId == customer }.map(\.name)
    }

    @Test func aReceiverGetsEveryNotificationOfALifecycleSignedAndInOrder() async throws {
        let receiver = try await WebhookReceiver.start()
        try await WebhookHarness.with { harness in
            let (_, secret) = try await harness.subscribe(receiver.url)
            let jane = try await Self.approveJane(harness)
            let expected = try await harness.notificationNames(of: jane)
            // Created; passport uploaded and accepted; liveness report uploaded, which leaves nothing
            // required (pending), then accepted; approved.
            #expect(expected == [
                "customer.create", "document.update", "document.update", "document.update", "customer.kyc.pending",
                "document.update", "customer.kyc.successful",
            ])
            try await harness.waitUntil { Self.names(of: jane, in: receiver.received).count >= expected.count }
            let received = receiver.received.filter { $0.customerId == jane }
            #expect(received.map(\.name) == expected)
            for delivery in received {
                #expect(WebhookSignature.verify(
                    header: delivery.signature, id: delivery.id, timestamp: delivery.timestamp, body: delivery.body, secret: secret))
                #expect(delivery.json["id"] as? String == delivery.id)
                #expect(!String(decoding: delivery.body, as: UTF8.self).contains("123-45-6789"), "no tax number in a notification")
            }
            let created = try #require(received.first)
            #expect((created.json["data"] as? [String: Any])?["firstName"] as? String == "Jane")
            let approved = try #require(received.last)
            let profile = ((approved.json["data"] as? [String: Any])?["verificationProfiles"] as? [[String: Any]])?.first
            #expect(profile?["status"] as? String == "approved")
            let document = try #require(received.first { $0.name == "document.update" })
            #expect(((document.json["data"] as? [String: Any])?["id"] as? String)?.hasPrefix("document_") == true)

            // What a receiver must refuse: a body changed on the way, or an old timestamp.
            var tampered = created.body
            tampered.append(contentsOf: Array(" ".utf8))
            #expect(!WebhookSignature.verify(header: created.signature, id: created.id, timestamp: created.timestamp, body: tampered, secret: secret))
            #expect(!WebhookSignature.verify(
                header: created.signature, id: created.id, timestamp: created.timestamp, body: created.body, secret: secret,
                now: Date().addingTimeInterval(3_600)))
            // The receiver answers before the dispatcher records the answer: wait for the records.
            let subscription = try #require(try await harness.services.subscriptions.list().first?.id)
            var deliveries = try await harness.api.send(.get, "/v2/webhook/\(subscription)/deliveries?status=delivered", key: "admin")
            try? await harness.waitUntil(timeout: .seconds(10)) {
                deliveries = try await harness.api.send(.get, "/v2/webhook/\(subscription)/deliveries?status=delivered", key: "admin")
                return deliveries.json["deliveries"].items.count >= expected.count
            }
            #expect(deliveries.json["deliveries"].items.count >= expected.count)
            #expect(deliveries.json["deliveries"].items.allSatisfy { $0["attempts"].items.first?["statusCode"].integer == 200 })
        }
        await receiver.stop()
    }

    @Test func aReceiverThatFailsForAWhileGetsEverythingInOrderOnceItRecovers() async throws {
        // Down until a while after the whole lifecycle was written (however busy the machine is).
        let recovery = Mutex<ContinuousClock.Instant?>(nil)
        let receiver = try await WebhookReceiver.start { _ in
            recovery.withLock { $0 }.map { ContinuousClock.now >= $0 } == true ? .ok : .internalServerError
        }
        try await WebhookHarness.with { harness in
            _ = try await harness.subscribe(receiver.url)
            let jane = try await Self.approveJane(harness)
            let expected = try await harness.notificationNames(of: jane)
            try await harness.waitUntil { !receiver.received.filter { $0.customerId == jane }.isEmpty }
            // 500 for 20 s from the first attempt, then 200.
            let failUntil = ContinuousClock.now + .seconds(20)
            recovery.withLock { $0 = failUntil }
            try await harness.waitUntil(timeout: .seconds(60)) {
                Set(receiver.received.filter { $0.customerId == jane && $0.at >= failUntil }.map(\.id)).count >= expected.count
            }
            let received = receiver.received.filter { $0.customerId == jane }
            let succeeded = received.filter { $0.at >= failUntil }
            #expect(succeeded.map(\.name) == expected, "every notification once, in log order, after the recovery")
            #expect(Set(succeeded.map(\.id)).count == succeeded.count, "none twice once delivered")
            #expect(received.count > succeeded.count, "the outage was retried")
            // Each attempt is sent once: the same notification comes again only after a retry's
            // wait (the quickest is 200 ms less 10% jitter).
            for (id, arrivals) in Dictionary(grouping: received, by: \.id) {
                let times = arrivals.map(\.at).sorted()
                for (earlier, later) in zip(times, times.dropFirst()) {
                    #expect(later - earlier >= .milliseconds(150), "\(id) sent twice within \(later - earlier)")
                }
            }
            // A customer's next notification waits for the previous one: nothing of a later one
            // arrives before an earlier one was answered 200.
            for (index, delivery) in succeeded.enumerated() where index > 0 {
                let earlier = succeeded[index - 1]
                #expect(!received.contains { $0.id == delivery.id && $0.at < earlier.at })
            }
        }
        await receiver.stop()
    }

    @Test func aPausedSubscriptionIsSentNothingUntilEnabledAgain() async throws {
        let up = Mutex(false)
        let receiver = try await WebhookReceiver.start { _ in up.withLock { $0 } ? .ok : .serviceUnavailable }
        try await WebhookHarness.with { harness in
            let (id, _) = try await harness.subscribe(receiver.url)
            let jane = try await harness.api.createJane().id
            try await harness.waitUntil { !receiver.received.isEmpty }
            let paused = try await harness.api.send(.patch, "/v2/webhook/\(id)", key: "admin", json: #"{"enabled":false}"#)
            #expect(paused.status == .ok, "\(paused.body)")
            // What was in flight when it was paused finishes; then nothing, though retries are due.
            try await harness.waitUntil {
                try await harness.pool.query("SELECT count(*) FROM webhook_deliveries WHERE status = 'sending'").rows[0]
                    .decode(0, as: Int.self) == 0
            }
            let whilePaused = receiver.received.count
            up.withLock { $0 = true }
            let joe = try await harness.api.createJane().id
            _ = try await harness.notificationNames(of: joe)
            try await Task.sleep(for: .seconds(2))
            #expect(receiver.received.count == whilePaused, "a paused subscription was sent something")

            let resumedAt = ContinuousClock.now
            let resumed = try await harness.api.send(.patch, "/v2/webhook/\(id)", key: "admin", json: #"{"enabled":true}"#)
            #expect(resumed.status == .ok, "\(resumed.body)")
            try await harness.waitUntil {
                let delivered = Set(receiver.received.filter { $0.at >= resumedAt }.map(\.customerId))
                return delivered.isSuperset(of: [jane, joe])
            }
        }
        await receiver.stop()
    }

    @Test func aDeadEndpointDoesNotDelayAnotherSubscription() async throws {
        let hanging = try await WebhookReceiver.start { _ in
            try? await Task.sleep(for: .seconds(20))
            return .ok
        }
        let healthy = try await WebhookReceiver.start()
        try await WebhookHarness.with(timeout: .seconds(1)) { harness in
            _ = try await harness.subscribe(hanging.url)
            _ = try await harness.subscribe(healthy.url)
            let started = ContinuousClock.now
            var customers: [String] = []
            for _ in 0..<6 { customers.append(try await harness.api.createJane().id) }
            try await harness.waitUntil(timeout: .seconds(10)) {
                Set(healthy.received.map(\.customerId)).isSuperset(of: customers)
            }
            let took = ContinuousClock.now - started
            #expect(took < .seconds(5), "the healthy receiver waited \(took) behind the dead one")
            #expect(!hanging.received.isEmpty, "the dead endpoint was tried meanwhile")
        }
        await hanging.stop()
        await healthy.stop()
    }
}
