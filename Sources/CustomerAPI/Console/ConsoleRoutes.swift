import CustomerDomain
import CustomerService
import Foundation
import Hummingbird
import JSON

/// `/console/…`: the review console, served by the service itself. Its pages authenticate with
/// the session cookie, not a bearer token, and answer in HTML, catching their own errors, so a
/// refusal is shown as the problem's text on the page it concerns.
struct ConsoleRoutes: Sendable {
    let services: APIServices
    let keyring: APIKeyring
    let sessions: ConsoleSessions
    let alwaysSecureCookies: Bool
    var execution: CommandExecution { CommandExecution(services: services) }

    func register(on router: Router<APIContext>) {
        router.get("/console", use: search)
        router.get("/console/sign-in", use: signInForm)
        router.post("/console/sign-in", use: signIn)
        router.post("/console/sign-out", use: signOut)
        router.get("/console/customers/:id", use: customer)
        router.post("/console/documents/:id/review", use: reviewDocument)
        router.post("/console/customers/:id/decision", use: decideProfile)
        router.get("/console/assets/console.css") { _, _ in ConsoleResponses.asset(ConsoleAssets.stylesheet, contentType: "text/css; charset=utf-8") }
        router.get("/console/assets/console.js") { _, _ in ConsoleResponses.asset(ConsoleAssets.script, contentType: "text/javascript; charset=utf-8") }
    }

    // MARK: Signing in and out

    @Sendable func signInForm(_ request: Request, context: APIContext) async throws -> Response {
        if context.consoleSession != nil { return ConsoleResponses.redirect(to: "/console/") }
        return signInPage(request, problem: nil, status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: APIContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        guard let expected = request.cookies[ConsoleResponses.signInCookie]?.value, let sent = form["csrf"],
              ConsoleTokens.same(expected, sent)
        else {
            return signInPage(request, problem: "The sign-in form had expired or did not come from this console; sign in again.", status: .forbidden)
        }
        guard let key = keyring.key(for: form["apiKey"]?.trimmingCharacters(in: .whitespaces) ?? "") else {
            context.logger.notice("console sign-in refused")
            return signInPage(request, problem: "That API key is not known.", status: .unauthorized)
        }
        // A new session every time, so an id planted before sign-in never becomes a signed-in one.
        if let previous = context.consoleSession { await sessions.close(previous.id) }
        let session = await sessions.open(for: key)
        context.logger.info("console sign-in", metadata: ["actor": .string(key.name)])
        var response = ConsoleResponses.redirect(to: "/console/")
        response.setCookie(cookie(ConsoleResponses.sessionCookie, value: session.id, path: "/console", request: request))
        response.setCookie(cookie(ConsoleResponses.signInCookie, value: "", path: "/console/sign-in", request: request, clearing: true))
        return response
    }

    @Sendable func signOut(_ request: Request, context: APIContext) async throws -> Response {
        var response = ConsoleResponses.redirect(to: "/console/sign-in")
        response.setCookie(cookie(ConsoleResponses.sessionCookie, value: "", path: "/console", request: request, clearing: true))
        guard let session = context.consoleSession else { return response }
        let form = try await ConsoleForm.read(request, context: context)
        guard ConsoleTokens.same(session.csrfToken, form["csrf"] ?? "") else { return csrfRefusal(session) }
        await sessions.close(session.id)
        return response
    }

    private func signInPage(_ request: Request, problem: String?, status: HTTPResponse.Status) -> Response {
        let token = ConsoleTokens.fresh()
        var response = ConsoleResponses.page(SignInPage.render(formToken: token, problem: problem), status: status)
        response.setCookie(cookie(ConsoleResponses.signInCookie, value: token, path: "/console/sign-in", request: request))
        return response
    }

    // MARK: Reading

    @Sendable func search(_ request: Request, context: APIContext) async throws -> Response {
        guard let session = context.consoleSession else { return ConsoleResponses.redirect(to: "/console/sign-in") }
        guard session.allows(.customersRead) else { return missingScope(.customersRead, session: session) }
        let parameters = request.uri.queryParameters
        var query = SearchPage.Query()
        var given = Parameters()
        for name in ["search", "email", "type", "status", "sort", "page"] {
            guard let value = parameters[Substring(name)], !value.isEmpty else { continue }
            given.append(key: Substring(name), value: value)
        }
        given.append(key: "limit", value: Substring(String(query.limit)))
        query.search = parameters["search"].map(String.init) ?? ""
        query.email = parameters["email"].map(String.init) ?? ""
        query.type = parameters["type"].map(String.init) ?? ""
        query.status = parameters["status"].map(String.init) ?? ""
        query.sort = parameters["sort"].map(String.init) ?? ""
        let notice = await sessions.takeNotice(for: session.id)
        do {
            let filter = try ListQuery.filter(given)
            query.page = filter.page
            let (views, total) = try await services.queries.customers(filter)
            // The read model's stored view text, which the API sends as it is, read with the project's JSON.
            let decoder = JSONTreeDecoder()
            let customers = try views.map { view in
                guard let tree = JSONTree(json: view) else { throw APIError.unavailable("A stored customer view could not be read.") }
                return try decoder.decode(CustomerView.self, from: tree)
            }
            let pagination = Pagination(page: filter.page, limit: filter.limit, total: total)
            return ConsoleResponses.page(SearchPage.render(session: session, query: query, customers: customers, pagination: pagination, problem: notice?.text))
        } catch {
            let problem = problem(for: error, context: context)
            return ConsoleResponses.page(
                SearchPage.render(session: session, query: query, customers: [], pagination: nil, problem: ConsoleProblems.text(problem)),
                status: .init(code: problem.status))
        }
    }

    @Sendable func customer(_ request: Request, context: APIContext) async throws -> Response {
        guard let session = context.consoleSession else { return ConsoleResponses.redirect(to: "/console/sign-in") }
        guard session.allows(.customersRead) else { return missingScope(.customersRead, session: session) }
        let notice = await sessions.takeNotice(for: session.id)
        do {
            let id = try PathParameters.customerID(context)
            let query = request.uri.queryParameters
            return try await customerPage(
                id, version: query["version"], timeline: query["timeline"], context: context, session: session, notice: notice)
        } catch {
            return problemPage("Customer not shown", error: error, context: context, session: session)
        }
    }

    /// The customer page, at `version` (the latest when nil).
    private func customerPage(
        _ id: CustomerID, version: Substring?, timeline: Substring? = nil, context: APIContext, session: ConsoleSession,
        notice: ConsoleNotice?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        // Also the page an action's refusal shows: the action's own scope is not enough to read it.
        guard session.allows(.customersRead) else {
            return ConsoleResponses.page(ConsoleLayout.problemPage(title: "Not done", detail: notice?.text ?? "", session: session), status: status)
        }
        do {
            let events = try await services.history.events(of: id)
            guard let latest = events.last?.version else { throw APIError.notFound("Customer \(id) was not found.") }
            let shown = try Self.version(version, named: "version", latest: latest) ?? latest
            let start = try Self.version(timeline, named: "timeline", latest: latest)
            let page = CustomerPage(session: session, events: events, shownVersion: shown, timelineStart: start, notice: notice)
            return ConsoleResponses.page(try page.render(), status: status)
        } catch {
            return problemPage("Customer not shown", error: error, context: context, session: session)
        }
    }

    /// A version named in the query: nil when absent, refused when not one of the stream's.
    private static func version(_ text: Substring?, named name: String, latest: Int64) throws -> Int64? {
        guard let text else { return nil }
        guard let version = Int64(text), (1...latest).contains(version) else {
            throw APIError.validation([FieldProblem(pointer: "/\(name)", detail: "Must be a version from 1 to \(latest).")])
        }
        return version
    }

    private func problemPage(_ title: String, error: any Error, context: APIContext, session: ConsoleSession) -> Response {
        let problem = problem(for: error, context: context)
        return ConsoleResponses.page(
            ConsoleLayout.problemPage(title: title, detail: ConsoleProblems.text(problem), session: session),
            status: .init(code: problem.status))
    }

    // MARK: Actions

    @Sendable func reviewDocument(_ request: Request, context: APIContext) async throws -> Response {
        let owner: @Sendable (APIContext) async -> CustomerID? = { context in
            guard let id = try? PathParameters.documentID(context) else { return nil }
            return try? await services.queries.document(id)?.customer
        }
        return try await act(request, context: context, owner: owner) { form, context in
            let id = try PathParameters.documentID(context)
            let body = form.body(["decision", "detail"], shape: RequestShapes.decision)
            let review = try body.decode(DocumentReview.self)
            try body.requireValid(review.validate())
            guard let customer = await owner(context) else { throw APIError.notFound("Document \(id) was not found.") }
            let done = "The document was \(review.decision?.rawValue ?? "reviewed")."
            return Action(command: .reviewDocument(id: id, review), customer: customer, done: done, anchor: "#document-\(id.rawValue)")
        }
    }

    @Sendable func decideProfile(_ request: Request, context: APIContext) async throws -> Response {
        try await act(request, context: context, owner: { try? PathParameters.customerID($0) }) { form, context in
            let customer = try PathParameters.customerID(context)
            let subjectId = form["subject"] ?? ""
            let subject: ProfileSubject
            if subjectId == customer.rawValue {
                subject = .customer(customer)
            } else if let representative = RepresentativeID(rawValue: subjectId) {
                subject = .representative(representative)
            } else {
                throw APIError.validation([FieldProblem(pointer: "/subject", detail: "Must be the customer or one of its representatives.")])
            }
            guard let profile = ProfileName(rawValue: form["profile"] ?? "") else {
                throw APIError.notFound("There is no verification profile named \((form["profile"] ?? "").prefix(80)).")
            }
            let body = form.body(["decision", "detail"], shape: RequestShapes.decision)
            let decision = try body.decode(ProfileDecision.self)
            try body.requireValid(decision.validate())
            let done = "The profile was \(decision.decision?.rawValue ?? "decided")."
            return Action(command: .decideProfile(profile, subject: subject, decision), customer: customer, done: done, anchor: "#profile-\(subject.id)")
        }
    }

    /// A console action's command, whose stream it goes to, and what to say and show once done.
    struct Action: Sendable {
        let command: CustomerCommand
        let customer: CustomerID
        let done: String
        let anchor: String
    }

    /// What every action does around its command: a session, its CSRF token, `reviews:write`;
    /// then the command, run as the API runs it, under the session's key. Done: back to the
    /// customer page with a notice (303). Refused: the customer page (of `owner`) with the
    /// problem's text, under the problem's status.
    private func act(
        _ request: Request, context: APIContext, owner: @Sendable (APIContext) async -> CustomerID?,
        _ action: @Sendable (ConsoleForm, APIContext) async throws -> Action
    ) async throws -> Response {
        guard let session = context.consoleSession else { return ConsoleResponses.redirect(to: "/console/sign-in") }
        let form = try await ConsoleForm.read(request, context: context)
        guard ConsoleTokens.same(session.csrfToken, form["csrf"] ?? "") else { return csrfRefusal(session) }
        guard session.allows(.reviewsWrite) else { return missingScope(.reviewsWrite, session: session) }
        do {
            let action = try await action(form, context)
            _ = try await execution.run(action.command, customer: action.customer, status: .ok, request: request, context: context, body: [], view: .customer)
            await sessions.leave(ConsoleNotice(kind: .success, text: action.done), for: session.id)
            return ConsoleResponses.redirect(to: "/console/customers/\(action.customer.rawValue)\(action.anchor)")
        } catch {
            let problem = problem(for: error, context: context)
            let notice = ConsoleNotice(kind: .problem, text: ConsoleProblems.text(problem))
            guard let customer = await owner(context) else {
                return ConsoleResponses.page(ConsoleLayout.problemPage(title: "Not done", detail: notice.text, session: session), status: .init(code: problem.status))
            }
            return try await customerPage(customer, version: nil, context: context, session: session, notice: notice, status: .init(code: problem.status))
        }
    }

    // MARK: Sessions and refusals

    /// The console's cookies: `Secure` when the request came over https, or always when the
    /// service is configured so (behind a proxy that terminates TLS without saying so).
    private func cookie(_ name: String, value: String, path: String, request: Request, clearing: Bool = false) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: clearing ? 0 : nil, path: path,
            secure: alwaysSecureCookies || ConsoleResponses.isHTTPS(request), httpOnly: true, sameSite: .strict)
    }

    private func csrfRefusal(_ session: ConsoleSession) -> Response {
        ConsoleResponses.page(ConsoleLayout.problemPage(
            title: "Refused", detail: "The form did not carry this session's CSRF token; nothing was changed. Reload the page and try again.",
            session: session), status: .forbidden)
    }

    private func missingScope(_ scope: Scope, session: ConsoleSession) -> Response {
        ConsoleResponses.page(ConsoleLayout.problemPage(
            title: "Not allowed", detail: APIError.forbidden(scope).detail, session: session), status: .forbidden)
    }

    private func problem(for error: any Error, context: APIContext) -> ProblemDetails {
        ProblemRendering.problem(for: error, requestId: context.requestId, logger: context.logger)
    }
}

/// A problem as one line a reviewer reads: its detail, then each field's.
enum ConsoleProblems {
    static func text(_ problem: ProblemDetails) -> String {
        let fields = problem.errors.map { "\($0.pointer): \($0.detail)" }
        return ([problem.detail] + fields).joined(separator: " ") + " (\(problem.code))"
    }
}
