import CustomerAPI
import Foundation
import HTTPTypes
import Testing

/// The console's pages and actions as a reviewer uses them: what a page shows at a version,
/// what an action records, and a refusal shown as the problem's text.
@Suite struct ConsoleActionTests {
    @Test func acceptingADocumentMovesItsCriterionAndRecordsTheSessionsKey() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, passport) = try await console.janeWithPendingPassport()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let reply = try await console.post(
                "/console/documents/\(passport)/review", cookie: session.cookie, form: [("csrf", session.csrf), ("decision", "accepted")])
            #expect(reply.status == .seeOther)
            #expect(reply.headers[.location] == "/console/customers/\(jane.id)#document-\(passport)")

            let page = try await console.get("/console/customers/\(jane.id)", cookie: session.cookie)
            #expect(page.body.contains("The document was accepted."))
            #expect(Self.list("complete", of: jane.id, in: page.body).contains("identity_document"))
            #expect(try await console.documentStatus(passport, of: jane.id) == "accepted")
            let events = try await api.events(of: jane.id).json["events"].items
            #expect(events.last?["metadata"]["actor"].text == "everything")
            // The notice is shown once.
            #expect(!(try await console.get("/console/customers/\(jane.id)", cookie: session.cookie)).body.contains("The document was accepted."))
        }
    }

    @Test func refusalsAreShownAsTheProblemsText() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let (jane, passport) = try await console.janeWithPendingPassport()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let withoutDetail = try await console.post(
                "/console/documents/\(passport)/review", cookie: session.cookie, form: [("csrf", session.csrf), ("decision", "rejected")])
            #expect(withoutDetail.status == .unprocessableContent)
            #expect(withoutDetail.body.contains("/detail"))
            #expect(withoutDetail.body.contains(#"id="notice""#))

            let incomplete = try await console.post(
                "/console/customers/\(jane.id)/decision", cookie: session.cookie,
                form: [("csrf", session.csrf), ("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "approved")])
            #expect(incomplete.status.code >= 400 && incomplete.status.code < 500)
            #expect(incomplete.body.contains(#"class="notice problem""#))
            #expect(try await api.eventCount(of: jane.id) == 2)
        }
    }

    @Test func fourEyesRefuseTheKeyThatAcceptedADocumentAndAnotherKeyDecides() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            // Both documents accepted by `reviewer`.
            try await api.uploadAccepted(targetId: jane.id, documentType: "passport", country: "USA")
            try await api.uploadAccepted(targetId: jane.id, documentType: "liveness_report")
            let decision = { (session: ConsoleDriver.Session) in
                [("csrf", session.csrf), ("subject", jane.id), ("profile", "kyc_profile_a"), ("decision", "approved")]
            }

            let reviewer = try await console.signIn(secret: ConsoleDriver.secret(of: "reviewer"))
            let refused = try await console.post("/console/customers/\(jane.id)/decision", cookie: reviewer.cookie, form: decision(reviewer))
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("(review/four-eyes)"))
            #expect(refused.body.contains(#"role="alert""#))

            let approver = try await console.signIn(secret: ConsoleDriver.secret(of: "approver"))
            let approved = try await console.post("/console/customers/\(jane.id)/decision", cookie: approver.cookie, form: decision(approver))
            #expect(approved.status == .seeOther)
            #expect(try await api.send(.get, "/v2/customer/\(jane.id)", key: "reader").profile.status == "approved")
        }
    }

    @Test func aVersionShowsTheCustomerAsItWasThen() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            try await api.upload(targetId: jane.id, documentType: "passport", country: "USA")
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let then = try await console.get("/console/customers/\(jane.id)?version=1", cookie: session.cookie)
            #expect(then.status == .ok)
            #expect(then.body.contains(#"id="as-of""#))
            #expect(Self.list("required", of: jane.id, in: then.body) == ["identity_document", "liveness_report_document"])
            #expect(!then.body.contains("passport.pdf") && !then.body.contains("form class=\"review\""))
            let now = try await console.get("/console/customers/\(jane.id)", cookie: session.cookie)
            #expect(Self.list("pending", of: jane.id, in: now.body) == ["identity_document"])

            for bad in ["0", "3", "x", "-1"] {
                let reply = try await console.get("/console/customers/\(jane.id)?version=\(bad)", cookie: session.cookie)
                #expect(reply.status == .unprocessableContent, "\(bad)")
                #expect(reply.body.contains("/version: Must be a version from 1 to 2."), "\(bad)")
            }
            let missing = try await console.get("/console/customers/customer_0123456789abcdef0123456789abcdef", cookie: session.cookie)
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("was not found"))
        }
    }

    @Test func searchFiltersAndPages() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))

            let found = try await console.get("/console/?email=\(jane.email)&type=individual&status=incomplete&sort=createdAt", cookie: session.cookie)
            #expect(found.status == .ok)
            #expect(found.body.contains("/console/customers/\(jane.id)"))
            #expect(found.body.contains("Customers 1–1 of 1"))
            let none = try await console.get("/console/?email=\(jane.email)&type=business", cookie: session.cookie)
            #expect(none.body.contains("No customer matches."))
            let bad = try await console.get("/console/?status=bogus", cookie: session.cookie)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("/status: Must be incomplete, pending, approved or rejected."))
            let blank = try await console.get("/console/?search=&email=&type=&status=&sort=", cookie: session.cookie)
            #expect(blank.status == .ok)
        }
    }

    /// The criteria of `list` on the board of `subject`'s profile, in order.
    static func list(_ list: String, of subject: String, in page: String) -> [String] {
        guard let board = page.range(of: #"id="profile-\#(subject)""#),
              let column = page.range(of: #"data-list="\#(list)""#, range: board.upperBound..<page.endIndex),
              let end = page.range(of: "</div>", range: column.upperBound..<page.endIndex)
        else { return [] }
        return page[column.upperBound..<end.lowerBound].components(separatedBy: "data-criterion=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }
}

/// A long stream: the timeline shows a window of 100 events with links to the others.
@Suite struct ConsoleTimelineWindowTests {
    @Test func theTimelineShowsAHundredEventsAtATime() async throws {
        try await TestApplication.withDriver { api in
            let console = ConsoleDriver(api: api)
            let jane = try await api.createJane()
            for n in 2...130 {
                let reply = try await api.send(
                    .patch, "/v2/customer/\(jane.id)", key: "writer",
                    json: #"{"address":{"line1":"\#(n) Main St","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"}}"#)
                #expect(reply.status == .ok, "\(reply.body)")
            }
            let session = try await console.signIn(secret: ConsoleDriver.secret(of: "everything"))
            func versions(_ page: String) -> [String] {
                page.components(separatedBy: #"class="event"#).dropFirst().compactMap { item in
                    item.range(of: #"data-version=""#).map { String(item[$0.upperBound...].prefix { $0 != "\"" }) }
                }
            }

            let latest = try await console.get("/console/customers/\(jane.id)", cookie: session.cookie).body
            #expect(latest.contains("Events 31–130 of 130"))
            #expect(versions(latest) == (31...130).map(String.init))
            #expect(latest.contains(#"href="/console/customers/\#(jane.id)?timeline=1#timeline">Earlier events"#))
            #expect(!latest.contains("Later events"))

            let first = try await console.get("/console/customers/\(jane.id)?timeline=1", cookie: session.cookie).body
            #expect(versions(first) == (1...100).map(String.init))
            #expect(first.contains(#"?timeline=101#timeline">Later events"#))

            let then = try await console.get("/console/customers/\(jane.id)?version=60", cookie: session.cookie).body
            #expect(versions(then) == (10...109).map(String.init))
            #expect(then.contains(#"?version=60&amp;timeline=1#timeline">Earlier events"#))
            #expect(then.contains(#"data-version="60" aria-current="step""#))

            let beyond = try await console.get("/console/customers/\(jane.id)?timeline=131", cookie: session.cookie)
            #expect(beyond.status == .unprocessableContent)
            // The chart keeps only the versions where something changes.
            #expect(latest.components(separatedBy: "<rect").count < 20)
        }
    }
}
