import CustomerAPI
import Foundation
import HTTPTypes
import Testing

/// The console's guards, request by request: who may see a page, which forms are honoured,
/// and that what a customer typed is shown as text.
@Suite struct ConsoleSecurityTests {
    @Test func withoutASessionEveryPageRedirectsToSignIn() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            for uri in ["/console/", "/console", "/console/customers/customer_0123456789abcdef0123456789abcdef"] {
                let reply = try await console.get(uri)
                #expect(reply.status == .seeOther, "\(uri)")
                #expect(reply.headers[.location] == "/console/sign-in", "\(uri)")
            }
            let forged = try await console.get("/console/", cookie: "customers_console=" + String(repeating: "a", count: 64))
            #expect(forged.headers[.location] == "/console/sign-in")
            let post = try await console.post("/console/documents/document_0123456789abcdef0123456789abcdef/review", cookie: nil, form: [("decision", "accepted")])
            #expect(post.status == .seeOther)
            #expect(post.headers[.location] == "/console/sign-in")
        }
    }

    @Test func signInAnswersWithAnHttpOnlyStrictSessionCookie() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let reply = try await console.submitSignIn(secret: ConsoleDriver.secret(of: "everything"))
            #expect(reply.status == .seeOther)
            #expect(reply.headers[.location] == "/console/")
            let cookie = try #require(ConsoleDriver.setCookie("customers_console", in: reply))
            let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes == ["HttpOnly", "SameSite=Strict", "Path=/console"])
            let id = try #require(ConsoleDriver.cookie("customers_console", in: reply))
            #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))

            let page = try await console.get("/console/", cookie: "customers_console=\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<strong id="signed-in-as">everything</strong>"#))
            #expect(!page.body.contains(ConsoleDriver.secret(of: "everything")))
        }
    }

    @Test func behindHTTPSTheCookieIsSecure() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let reply = try await console.submitSignIn(secret: ConsoleDriver.secret(of: "everything"), headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            let cookie = try #require(ConsoleDriver.setCookie("customers_console", in: reply))
            #expect(cookie.contains("; Secure"))
        }
    }

    @Test func anUnknownKeyOrAFormWithoutItsTokenOpensNoSession() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let unknown = try await console.submitSignIn(secret: "not-a-key-of-this-service")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.body.contains("That API key is not known."))
            #expect(ConsoleDriver.cookie("customers_console", in: unknown) == nil)

            let withoutToken = try await console.post("/console/sign-in", cookie: nil, form: [("apiKey", ConsoleDriver.secret(of: "everything"))])
            #expect(withoutToken.status == .forbidden)
            #expect(ConsoleDriver.cookie("customers_console", in: withoutToken) == nil)
        }
    }

    @Test func aPostWithoutTheSessionsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, document) = try await console.janeWithPendingPassport()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let wrong = (session.csrf.hasPrefix("0") ? "1" : "0") + session.csrf.dropFirst()
            for token in [nil, wrong, ""] as [String?] {
                let form = [("decision", "accepted")] + (token.map { [("csrf", $0)] } ?? [])
                let reply = try await console.post("/console/documents/\(document)/review", cookie: session.cookie, form: form)
                #expect(reply.status == .forbidden)
                #expect(reply.body.contains("CSRF token"))
            }
            let decision = try await console.post(
                "/console/customers/\(jane.id)/decision", cookie: session.cookie,
                form: [("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "approved")])
            #expect(decision.status == .forbidden)
            let signOut = try await console.post("/console/sign-out", cookie: session.cookie, form: [])
            #expect(signOut.status == .forbidden)

            #expect(try await console.documentStatus(document, of: jane.id) == "pending")
            #expect(try await api.eventCount(of: jane.id) == 2)
            #expect(try await console.get("/console/", cookie: session.cookie).status == .ok, "the session outlived the forged sign-out")
        }
    }

    @Test func aCustomerNamedLikeAScriptIsShownAsText() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let script = "<script>alert(1)</script>"
            let jane = TestApplication.uniqueJane()
            let created = try await api.send(.post, "/v2/customer", key: "writer", json: jane.body.replacingOccurrences(of: #""firstName":"Jane""#, with: #""firstName":"\#(script)""#))
            #expect(created.status == .created, "\(created.body)")
            let id = created.json["id"].text ?? ""
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
            for uri in ["/console/customers/\(id)", "/console/?email=\(jane.email)", "/console/?search=%3Cscript%3E"] {
                let page = try await console.get(uri, cookie: session.cookie)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.body.contains(escaped), "\(uri)")
                #expect(!page.body.contains(script), "\(uri)")
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            }
            // A search term comes back into the form's field as text too.
            let search = try await console.get("/console/?search=%22%3E%3Cscript%3E", cookie: session.cookie)
            #expect(search.body.contains(#"value="&quot;&gt;&lt;script&gt;""#))
        }
    }

    @Test func aKeyWithoutReviewsWriteSeesNoActionsAndAForgedPostIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, document) = try await console.janeWithPendingPassport()
            let session = try await console.signIn(secret: ConsoleDriver.secret(scopes: [.customersRead, .auditRead]))

            let page = try await console.get("/console/customers/\(jane.id)", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"id="timeline""#))
            for form in ["/review\"", "/decision\"", "Accept</button>", "Approve profile"] {
                #expect(!page.body.contains(form), "\(form)")
            }
            let review = try await console.post(
                "/console/documents/\(document)/review", cookie: session.cookie, form: [("csrf", session.csrf), ("decision", "accepted")])
            #expect(review.status == .forbidden)
            #expect(review.body.contains("reviews:write"))
            let decision = try await console.post(
                "/console/customers/\(jane.id)/decision", cookie: session.cookie,
                form: [("csrf", session.csrf), ("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "approved")])
            #expect(decision.status == .forbidden)
            #expect(try await console.documentStatus(document, of: jane.id) == "pending")
            #expect(try await api.eventCount(of: jane.id) == 2)
        }
    }

    @Test func viewsNeedTheScopesTheAPINeeds() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            let reviewerOnly = try await console.signIn(secret: ConsoleDriver.secret(of: "reviewer"))
            let search = try await console.get("/console/", cookie: reviewerOnly.cookie)
            #expect(search.status == .forbidden)
            #expect(search.body.contains("customers:read"))
            #expect(try await console.get("/console/customers/\(jane.id)", cookie: reviewerOnly.cookie).status == .forbidden)

            let readerOnly = try await console.signIn(secret: ConsoleDriver.secret(of: "reader"))
            let page = try await console.get("/console/customers/\(jane.id)", cookie: readerOnly.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("need a key with audit:read"))
            #expect(!page.body.contains("IndividualCustomerCreated"), "the timeline needs audit:read")
            #expect(!page.body.contains("Why it is"), "the explanation needs audit:read")
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            let reply = try await console.post("/console/sign-out", cookie: session.cookie, form: [("csrf", session.csrf)])
            #expect(reply.status == .seeOther)
            #expect(reply.headers[.location] == "/console/sign-in")
            #expect(ConsoleDriver.setCookie("customers_console", in: reply)?.contains("Max-Age=0") == true)
            #expect(try await console.get("/console/", cookie: session.cookie).headers[.location] == "/console/sign-in")
        }
    }

    @Test func theTaxNumberIsNeverShown() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            for uri in ["/console/customers/\(jane.id)", "/console/customers/\(jane.id)?version=1", "/console/?email=\(jane.email)"] {
                let page = try await console.get(uri, cookie: session.cookie)
                #expect(page.status == .ok)
                #expect(!page.body.contains("123-45-6789"), "\(uri)")
                #expect(!page.body.contains("6789"), "\(uri)")
            }
        }
    }
}
