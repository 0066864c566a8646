import CustomerService
import Foundation
import HTTPTypes
import Testing

/// Subscriptions (scope `admin`): made with a secret shown once, listed and read without it,
/// changed, paused, re-keyed and removed; URLs and names checked, each refusal at its pointer.
@Suite struct WebhookSubscriptionTests {
    @Test func aSubscriptionIsMadeWithASecretShownOnce() async throws {
        try await WebhookHarness.with { harness in
            let api = harness.api
            let created = try await api.send(
                .post, "/v2/webhook", key: "admin",
                json: #"{"url":"https://hooks.example.com/customers","events":["customer.kyc.successful"],"description":"KYC desk"}"#)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(created.json["id"].text)
            #expect(id.hasPrefix("webhook_") && id.count == 40)
            let secret = try #require(created.json["secret"].text)
            #expect(secret.hasPrefix("whsec_"))
            #expect(Data(base64Encoded: String(secret.dropFirst(6)))?.count == 24)
            #expect(created.json["status"].text == "enabled")
            #expect(created.json["events"].texts == ["customer.kyc.successful"])

            let shown = try await api.send(.get, "/v2/webhook/\(id)", key: "admin")
            #expect(shown.status == .ok)
            #expect(shown.json["secret"] == .null, "the secret is shown only once")
            let listed = try await api.send(.get, "/v2/webhook", key: "admin")
            #expect(listed.json["webhooks"].items.map { $0["id"].text } == [id])
            #expect(!listed.body.contains(secret))
            let stored = try await harness.pool.query("SELECT sealed_secret::text FROM webhook_subscriptions").rows[0].decode(0, as: String.self)
            #expect(!stored.contains(secret) && !stored.contains(String(secret.dropFirst(6))), "the secret is stored sealed")
        }
    }

    @Test func aSubscriptionIsChangedPausedRekeyedAndRemoved() async throws {
        try await WebhookHarness.with { harness in
            let api = harness.api
            let (id, secret) = try await harness.subscribe("https://hooks.example.com/a")
            let changed = try await api.send(
                .patch, "/v2/webhook/\(id)", key: "admin", json: #"{"events":["customer.create","document.update"],"enabled":false}"#)
            #expect(changed.status == .ok, "\(changed.body)")
            #expect(changed.json["events"].texts == ["customer.create", "document.update"])
            #expect(changed.json["status"].text == "disabled")
            #expect(changed.json["url"].text == "https://hooks.example.com/a")

            let rotated = try await api.send(.post, "/v2/webhook/\(id)/rotate-secret", key: "admin")
            #expect(rotated.status == .ok)
            #expect(rotated.json["secret"].text.map { $0 != secret && $0.hasPrefix("whsec_") } == true)

            let removed = try await api.send(.delete, "/v2/webhook/\(id)", key: "admin")
            #expect(removed.status == .ok)
            #expect(removed.json["ok"].flag == true)
            let gone = try await api.send(.get, "/v2/webhook/\(id)", key: "admin")
            #expect(gone.status == .notFound)
            #expect(gone.code == "webhook/not-found")
        }
    }

    @Test(arguments: [
        (#"{"url":"http://hooks.example.com/a","events":["*"]}"#, ["/url"]),
        (#"{"url":"https://127.0.0.2/a","events":["*"]}"#, ["/url"]),
        (#"{"url":"https://localhost:8443/a","events":["*"]}"#, ["/url"]),
        (#"{"url":"ftp://hooks.example.com/a","events":["*"]}"#, ["/url"]),
        (#"{"url":"https://user:pw@hooks.example.com/a","events":["*"]}"#, ["/url"]),
        (#"{"url":"https://hooks.example.com/a","events":["customer.deleted"]}"#, ["/events/0"]),
        (#"{"url":"https://hooks.example.com/a","events":[]}"#, ["/events"]),
        (#"{"url":"https://hooks.example.com/a","events":["*","customer.create"]}"#, ["/events"]),
        (#"{"events":["*"]}"#, ["/url"]),
        (#"{"url":"https://hooks.example.com/a","events":["*"],"secret":"mine"}"#, ["/secret"]),
    ])
    func aSubscriptionThatCannotBeIsRefusedAtItsPointer(body: String, pointers: [String]) async throws {
        try await WebhookHarness.with { harness in
            let reply = try await harness.api.send(.post, "/v2/webhook", key: "admin", json: body)
            #expect(reply.status == .unprocessableContent, "\(reply.body)")
            #expect(reply.pointers == pointers)
            #expect(try await harness.pool.query("SELECT count(*) FROM webhook_subscriptions").rows[0].decode(0, as: Int.self) == 0)
        }
    }

    @Test func httpToAnAllowedHostIsAccepted() async throws {
        try await WebhookHarness.with { harness in
            _ = try await harness.subscribe("http://127.0.0.1:9/hook")
        }
    }

    @Test func anUnknownSubscriptionIsNotFoundEverywhere() async throws {
        try await WebhookHarness.with { harness in
            let missing = "webhook_00000000000000000000000000000000"
            for (method, path) in [(HTTPRequest.Method.get, ""), (.delete, ""), (.post, "/rotate-secret"), (.get, "/deliveries")] {
                let reply = try await harness.api.send(method, "/v2/webhook/\(missing)\(path)", key: "admin")
                #expect(reply.status == .notFound, "\(method) \(path)")
            }
        }
    }
}
