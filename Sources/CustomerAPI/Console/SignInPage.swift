/// The sign-in form: an API key, taken once and exchanged for a session cookie. The key is sent
/// in the body of a POST, never in a URL, and the field is a password field so it is not shown.
enum SignInPage {
    static func render(formToken: String, problem: String? = nil) -> HTML {
        ConsoleLayout.page(title: "Sign in", session: nil, content: """
            <h1>Sign in</h1>
            <p>Sign in with your API key. The console keeps only a session: the key's name and scopes,
            for 8 hours without use, or until you sign out.</p>
            \(problem.map { "<p class=\"problem\" role=\"alert\" id=\"problem\">\($0)</p>" as HTML } ?? .empty)
            <form method="post" action="/console/sign-in" class="sign-in">
            <input type="hidden" name="csrf" value="\(formToken)">
            <label for="api-key">API key</label>
            <input type="password" id="api-key" name="apiKey" autocomplete="off" required autofocus>
            <button type="submit" id="sign-in">Sign in</button>
            </form>
            """)
    }
}
