import Foundation
import Synchronization
import Testing
@testable import CustomerAPI

/// Sessions end after 8 hours without a request, or at sign-out; each is bound to its key.
@Suite struct ConsoleSessionTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
        func read() -> Date { now.withLock { $0 } }
    }

    static let key = APIKey(name: "ops", secret: "ops-secret-0000000001", scopes: [.customersRead, .reviewsWrite])

    @Test func aSessionEndsAfterEightIdleHours() async {
        let clock = Clock()
        let sessions = ConsoleSessions(clock: { clock.read() })
        let session = await sessions.open(for: Self.key)
        clock.advance(8 * 3600 - 1)
        #expect(await sessions.session(session.id)?.keyName == "ops")
        clock.advance(8 * 3600 - 1)
        #expect(await sessions.session(session.id) != nil, "a request restarts the idle time")
        clock.advance(8 * 3600)
        #expect(await sessions.session(session.id) == nil)
        #expect(await sessions.count == 0)
    }

    @Test func aSessionCarriesItsKeysNameAndScopesAndFreshTokens() async {
        let sessions = ConsoleSessions()
        let first = await sessions.open(for: Self.key)
        let second = await sessions.open(for: Self.key)
        #expect(first.scopes == [.customersRead, .reviewsWrite])
        #expect(first.id != second.id && first.csrfToken != second.csrfToken && first.id != first.csrfToken)
        #expect(first.id.count == 64 && first.csrfToken.count == 64)
        await sessions.close(first.id)
        #expect(await sessions.session(first.id) == nil)
        #expect(await sessions.session(second.id) != nil)
    }

    @Test func aNoticeIsShownOnce() async {
        let sessions = ConsoleSessions()
        let session = await sessions.open(for: Self.key)
        await sessions.leave(ConsoleNotice(kind: .success, text: "done"), for: session.id)
        #expect(await sessions.takeNotice(for: session.id)?.text == "done")
        #expect(await sessions.takeNotice(for: session.id) == nil)
    }

    @Test func tokensCompareOnlyWhenEqual() {
        #expect(ConsoleTokens.same("abc", "abc"))
        #expect(!ConsoleTokens.same("abc", "abd"))
        #expect(!ConsoleTokens.same("abc", "abcd"))
        #expect(!ConsoleTokens.same("", ""))
    }
}

@Suite struct HTMLTests {
    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let name = #"<script>alert("1") & 'x'</script>"#
        let inner: HTML = "<em>\(name)</em>"
        let page: HTML = "<p title=\"\(name)\">\(inner)</p>"
        #expect(page.description == #"<p title="&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;"><em>&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;</em></p>"#)
    }

    @Test func aFormBodyDecodesLikeABrowserSentIt() {
        let form = ConsoleForm(encoded: "csrf=ab12&detail=The+photo+is%20blurry%21&detail=second&empty=&bad=%zz")
        #expect(form["csrf"] == "ab12")
        #expect(form["detail"] == "The photo is blurry!")
        #expect(form["empty"] == "")
        #expect(form.text("empty") == nil)
        #expect(form["bad"] == nil)
        #expect(form["missing"] == nil)
    }
}

@Suite struct ConsoleSessionLimitTests {
    @Test func oneKeysSignInsPushOutOnlyItsOwnOldestSession() async {
        let clock = ConsoleSessionTests.Clock()
        let sessions = ConsoleSessions(clock: { clock.read() })
        let other = await sessions.open(for: APIKey(name: "other", secret: "other-secret-000000001", scopes: [.customersRead]))
        let key = APIKey(name: "busy", secret: "busy-secret-0000000001", scopes: [.customersRead])
        clock.advance(1)
        let first = await sessions.open(for: key)
        for _ in 1..<ConsoleSessions.perKey {
            clock.advance(1)
            _ = await sessions.open(for: key)
        }
        #expect(await sessions.count == ConsoleSessions.perKey + 1)
        clock.advance(1)
        _ = await sessions.open(for: key)
        #expect(await sessions.session(first.id) == nil)
        #expect(await sessions.session(other.id) != nil)
        #expect(await sessions.count == ConsoleSessions.perKey + 1)
    }
}
