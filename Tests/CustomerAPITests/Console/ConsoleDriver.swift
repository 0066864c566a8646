import CustomerAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The console as a browser uses it, without the browser: cookies carried by hand, forms sent
/// url-encoded, tokens read from the pages.
struct ConsoleDriver {
    let api: APIDriver

    /// A signed-in browser: its session cookie and the CSRF token its pages carry.
    struct Session {
        let cookie: String
        let csrf: String
    }

    /// The secret of the test key holding exactly `scopes`.
    static func secret(scopes: Set<Scope>) -> String {
        String(TestApplication.bearerHeaders(scopes: scopes)[.authorization]!.dropFirst("Bearer ".count))
    }

    static func secret(of key: String) -> String {
        String(TestApplication.bearer(key).dropFirst("Bearer ".count))
    }

    func get(_ uri: String, cookie: String? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        var fields = headers
        if let cookie { fields[.cookie] = cookie }
        return try await api.raw(.get, uri, headers: fields, body: nil)
    }

    func post(_ uri: String, cookie: String?, form: [(String, String)], headers: HTTPFields = [:]) async throws -> Reply {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { fields[.cookie] = cookie }
        return try await api.raw(.post, uri, headers: fields, body: ByteBuffer(string: Self.encoded(form)))
    }

    /// Opens the sign-in form and sends it with `secret`; the reply is the form's answer.
    func submitSignIn(secret: String, headers: HTTPFields = [:]) async throws -> Reply {
        let form = try await get("/console/sign-in", headers: headers)
        let cookie = try #require(Self.cookie("customers_console_sign_in", in: form))
        return try await post(
            "/console/sign-in", cookie: "customers_console_sign_in=\(cookie)",
            form: [("csrf", Self.csrf(in: form.body) ?? ""), ("apiKey", secret)], headers: headers)
    }

    func signIn(secret: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Session {
        let reply = try await submitSignIn(secret: secret)
        #expect(reply.status == .seeOther, "\(reply.body)", sourceLocation: sourceLocation)
        let cookie = "customers_console=" + (try #require(Self.cookie("customers_console", in: reply), sourceLocation: sourceLocation))
        let page = try await get("/console/", cookie: cookie)
        return Session(cookie: cookie, csrf: try #require(Self.csrf(in: page.body), sourceLocation: sourceLocation))
    }

    /// Jane Smith with a passport uploaded and pending: the smallest customer with something
    /// to review.
    func janeWithPendingPassport(sourceLocation: SourceLocation = #_sourceLocation) async throws -> (jane: APIDriver.Created, passport: String) {
        let jane = try await api.createJane(sourceLocation: sourceLocation)
        let uploaded = try await api.upload(targetId: jane.id, documentType: "passport", country: "USA", sourceLocation: sourceLocation)
        return (jane, try #require(uploaded.json["id"].text, sourceLocation: sourceLocation))
    }

    /// A document's status as the customer's stream leaves it, read from the customer's page
    /// by a session of its own.
    func documentStatus(_ document: String, of customer: String) async throws -> String? {
        let session = try await signIn(secret: Self.secret(of: "everything"))
        let page = try await get("/console/customers/\(customer)", cookie: session.cookie).body
        guard let row = page.range(of: #"id="document-\#(document)" data-status=""#) else { return nil }
        return String(page[row.upperBound...].prefix { $0 != "\"" })
    }

    /// The value `reply` sets for cookie `name` (nil when it sets none).
    static func cookie(_ name: String, in reply: Reply) -> String? {
        setCookie(name, in: reply).flatMap { line in
            line.split(separator: ";").first.map { String($0.dropFirst(name.count + 1)) }
        }
    }

    /// The whole `Set-Cookie` line for `name`.
    static func setCookie(_ name: String, in reply: Reply) -> String? {
        reply.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encoded(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
