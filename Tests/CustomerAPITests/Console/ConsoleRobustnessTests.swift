import CustomerAPI
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// Whatever a form holds, the console answers with a page and a 4xx, never a 5xx, and writes
/// nothing it was not asked to.
@Suite struct ConsoleRobustnessTests {
    @Test func malformedFormsAreRefusedWithAPage() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, document) = try await console.janeWithPendingPassport()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            let csrf = ("csrf", session.csrf)
            let cases: [(String, [(String, String)])] = [
                ("/console/documents/\(document)/review", [csrf]),
                ("/console/documents/\(document)/review", [csrf, ("decision", "maybe")]),
                ("/console/documents/\(document)/review", [csrf, ("decision", "rejected"), ("detail", "   ")]),
                ("/console/documents/\(document)/review", [csrf, ("decision", "rejected"), ("detail", String(repeating: "x", count: 10_000))]),
                ("/console/documents/document_0123456789abcdef0123456789abcdef/review", [csrf, ("decision", "accepted")]),
                ("/console/documents/not-a-document/review", [csrf, ("decision", "accepted")]),
                ("/console/customers/\(jane.id)/decision", [csrf]),
                ("/console/customers/\(jane.id)/decision", [csrf, ("subject", "someone"), ("profile", "kyc_profile_a"), ("decision", "approved")]),
                ("/console/customers/\(jane.id)/decision", [csrf, ("subject", jane.id), ("profile", "nope"), ("decision", "approved")]),
                ("/console/customers/\(jane.id)/decision", [csrf, ("subject", jane.id), ("profile", "kyb_profile_a"), ("decision", "approved")]),
                ("/console/customers/\(jane.id)/decision", [csrf, ("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "rejected")]),
                ("/console/customers/customer_0123456789abcdef0123456789abcdef/decision",
                 [csrf, ("subject", "customer_0123456789abcdef0123456789abcdef"), ("profile", "kyc_profile_a"), ("decision", "approved")]),
                ("/console/customers/%00/decision", [csrf, ("decision", "approved")]),
            ]
            for (uri, form) in cases {
                let reply = try await console.post(uri, cookie: session.cookie, form: form)
                #expect((400..<500).contains(reply.status.code), "\(uri) \(form.map(\.0)) → \(reply.status.code)")
                #expect(reply.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(reply.body.contains(#"role="alert""#), "\(uri) shows no problem")
            }
            // Bytes that are not UTF-8 nor valid percent-encoding, and a body past the limit.
            var headers = HTTPFields()
            headers[.cookie] = session.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let garbage = try await api.raw(
                .post, "/console/documents/\(document)/review", headers: headers,
                body: ByteBuffer(bytes: Array("csrf=\(session.csrf)&decision=%E0%A4%A&detail=".utf8) + [0xff, 0xfe, 0x00]))
            #expect((400..<500).contains(garbage.status.code))
            let large = try await api.raw(
                .post, "/console/documents/\(document)/review", headers: headers,
                body: ByteBuffer(string: "csrf=\(session.csrf)&decision=accepted&detail=" + String(repeating: "a", count: 20_000)))
            #expect(large.status == .contentTooLarge)

            #expect(try await api.eventCount(of: jane.id) == 2, "a refused form recorded an event")
        }
    }

    @Test func aBusinessShowsEachRepresentativesBoardAndTheirDecisionGoesToTheirProfile() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let acme = try await api.createBusiness()
            let added = try await api.addRepresentative(to: acme.id, firstName: "Ada")
            let representative = added.json["id"].text ?? ""
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let page = try await console.get("/console/customers/\(acme.id)", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"id="profile-\#(acme.id)""#))
            #expect(page.body.contains(#"id="profile-\#(representative)""#))
            #expect(page.body.contains("ubo_kyc_profile_a <span class=\"owner\">of Ada"))
            #expect(page.body.contains("ubo_kyc_profile_a of Ada"), "the timeline names the representative")
            #expect(page.body.contains(#"id="representative-\#(representative)""#))

            // The representative's profile is incomplete: deciding it is refused, for it.
            let reply = try await console.post(
                "/console/customers/\(acme.id)/decision", cookie: session.cookie,
                form: [("csrf", session.csrf), ("subject", representative), ("profile", "ubo_kyc_profile_a"), ("decision", "approved")])
            #expect((400..<500).contains(reply.status.code))
            #expect(reply.body.contains(#"class="notice problem""#))
        }
    }
}

/// Findings of a review of the console, each kept fixed by a test.
@Suite struct ConsoleReviewFindingsTests {
    /// A `meta` key that reads as the largest integer once made the page's labels overflow.
    @Test func metaKeysAreShownAsTheClientSentThem() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = TestApplication.uniqueJane()
            let body = jane.body.replacingOccurrences(
                of: #""type":"individual","#, with: #""type":"individual","meta":{"9223372036854775807":"x","camelCase":"y"},"#)
            let created = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(created.status == .created, "\(created.body)")
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            let page = try await console.get("/console/customers/\(created.json["id"].text ?? "")", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("<dt>Meta · 9223372036854775807</dt><dd>x</dd>"))
            #expect(page.body.contains("<dt>Meta · camelCase</dt><dd>y</dd>"))
        }
    }

    /// An action's refusal shows the customer page only to a key that may read it.
    @Test func aRefusedActionShowsNoCustomerToAKeyWithoutCustomersRead() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, document) = try await console.janeWithPendingPassport()
            let reviewer = try await console.signIn(secret: ConsoleDriver.secret(of: "reviewer"))
            let decision = try await console.post(
                "/console/customers/\(jane.id)/decision", cookie: reviewer.cookie,
                form: [("csrf", reviewer.csrf), ("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "bogus")])
            let review = try await console.post(
                "/console/documents/\(document)/review", cookie: reviewer.cookie, form: [("csrf", reviewer.csrf), ("decision", "rejected")])
            for reply in [decision, review] {
                #expect((400..<500).contains(reply.status.code))
                #expect(reply.body.contains(#"role="alert""#))
                #expect(!reply.body.contains(jane.email))
                #expect(!reply.body.contains("Wacker"))
            }
        }
    }

    /// The console's requests count against the session key's rate limits, as its API calls do.
    @Test func theConsoleIsRateLimitedByTheSessionsKey() async throws {
        try await TestApplication.withDriver(rateLimits: RateLimits(read: 2, write: 100)) { api in
            let console = ConsoleDriver(api: api)
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(Int(try await console.get("/console/", cookie: session.cookie).status.code)) }
            #expect(statuses.contains(429), "\(statuses)")
        }
    }
}
