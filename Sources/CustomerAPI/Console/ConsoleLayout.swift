/// The frame of every console page: the head, a skip link, the header with who is signed in
/// and the sign-out form, the notice of the last action, then the page's own content.
enum ConsoleLayout {
    static func page(title: String, session: ConsoleSession?, notice: ConsoleNotice? = nil, content: HTML) -> HTML {
        """
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · customers console</title>
        <link rel="stylesheet" href="/console/assets/console.css">
        <script src="/console/assets/console.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#content">Skip to content</a>
        <header class="top">
        <a class="brand" href="/console/">customers console</a>
        \(session.map(signedIn) ?? .empty)
        </header>
        <main id="content" tabindex="-1">
        \(notice.map(noticeBlock) ?? .empty)
        \(content)
        </main>
        </body>
        </html>
        """
    }

    private static func signedIn(_ session: ConsoleSession) -> HTML {
        let scopes = session.scopes.map(\.rawValue).sorted().joined(separator: ", ")
        return """
        <nav aria-label="Console">
        <a href="/console/">Search customers</a>
        </nav>
        <div class="who">
        <span>Signed in as <strong id="signed-in-as">\(session.keyName)</strong> <span class="scopes">(\(scopes))</span></span>
        <form method="post" action="/console/sign-out">
        \(csrfField(session))
        <button type="submit" class="secondary" id="sign-out">Sign out</button>
        </form>
        </div>
        """
    }

    static func noticeBlock(_ notice: ConsoleNotice) -> HTML {
        let role = notice.kind == .problem ? "alert" : "status"
        return "<div class=\"notice \(notice.kind.rawValue)\" role=\"\(role)\" id=\"notice\">\(notice.text)</div>"
    }

    static func csrfField(_ session: ConsoleSession) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrfToken)\">"
    }

    /// A page for a refusal the console cannot recover from in place (a missing scope, a
    /// missing customer): the problem's own words.
    static func problemPage(title: String, detail: String, session: ConsoleSession?) -> HTML {
        page(title: title, session: session, content: """
            <h1>\(title)</h1>
            <p class="problem" role="alert" id="problem">\(detail)</p>
            <p><a href="/console/">Back to the search</a></p>
            """)
    }
}
