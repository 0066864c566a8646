import CustomerDomain
import CustomerService
import Foundation

/// Customer search: the list endpoint's filters as a form (sent with GET, so a search is a URL
/// that can be shared and works without JavaScript), the page of matches, and links to the
/// pages before and after.
enum SearchPage {
    /// The filters as the form sent them; blank fields are no filter.
    struct Query {
        var search = ""
        var email = ""
        var type = ""
        var status = ""
        var sort = ""
        var page = 1
        var limit = 20

        /// The query string of the same search on another page.
        func link(page: Int) -> String {
            var items: [URLQueryItem] = []
            for (name, value) in [("search", search), ("email", email), ("type", type), ("status", status), ("sort", sort)] where !value.isEmpty {
                items.append(URLQueryItem(name: name, value: value))
            }
            items.append(URLQueryItem(name: "page", value: String(page)))
            var components = URLComponents()
            components.queryItems = items
            return "/console/?" + (components.percentEncodedQuery ?? "")
        }
    }

    static func render(session: ConsoleSession, query: Query, customers: [CustomerView], pagination: Pagination?, problem: String?) -> HTML {
        ConsoleLayout.page(title: "Customers", session: session, content: """
            <h1>Customers</h1>
            \(form(query))
            \(problem.map { "<p class=\"problem\" role=\"alert\" id=\"problem\">\($0)</p>" as HTML } ?? .empty)
            \(pagination.map { results(customers, pagination: $0, query: query) } ?? .empty)
            """)
    }

    private static func form(_ query: Query) -> HTML {
        """
        <form method="get" action="/console/" class="search" role="search">
        <div class="field"><label for="search">Name or email contains</label>
        <input type="search" id="search" name="search" value="\(query.search)" maxlength="200"></div>
        <div class="field"><label for="email">Email is exactly</label>
        <input type="email" id="email" name="email" value="\(query.email)" maxlength="254"></div>
        <div class="field"><label for="type">Type</label>
        \(select("type", query.type, [("", "any"), ("individual", "individual"), ("business", "business")]))</div>
        <div class="field"><label for="status">Status</label>
        \(select("status", query.status, [("", "any")] + ProfileStatus.allCases.map { ($0.rawValue, $0.rawValue) }))</div>
        <div class="field"><label for="sort">Order</label>
        \(select("sort", query.sort, sortOptions))</div>
        <div class="field actions"><button type="submit" id="search-button">Search</button></div>
        </form>
        """
    }

    private static let sortOptions: [(value: String, label: String)] = [
        ("", "newest first"), (CustomerSort.oldestFirst.rawValue, "oldest first"),
        (CustomerSort.mostRecentlyUpdated.rawValue, "recently updated first"),
        (CustomerSort.leastRecentlyUpdated.rawValue, "least recently updated first"),
    ]

    static func select(_ name: String, _ chosen: String, _ options: [(value: String, label: String)]) -> HTML {
        let items = options.map { option -> HTML in
            let selected: HTML = option.value == chosen ? " selected" : ""
            return "<option value=\"\(option.value)\"\(selected)>\(option.label)</option>"
        }
        return "<select id=\"\(name)\" name=\"\(name)\">\(items)</select>"
    }

    private static func results(_ customers: [CustomerView], pagination: Pagination, query: Query) -> HTML {
        let rows = customers.map { customer -> HTML in
            let status = customer.verificationProfiles.first?.status
            return """
            <tr>
            <td><a href="/console/customers/\(customer.id.rawValue)">\(CustomerNames.display(customer))</a></td>
            <td>\(customer.type.rawValue)</td>
            <td>\(customer.email)</td>
            <td>\(status.map(StatusBadge.render) ?? .empty)</td>
            <td><time datetime="\(customer.createdAt.description)">\(customer.createdAt.description)</time></td>
            </tr>
            """
        }
        let first = pagination.total == 0 ? 0 : (pagination.page - 1) * pagination.limit + 1
        let last = min(pagination.total, pagination.page * pagination.limit)
        let previous: HTML = pagination.hasPrevious ? "<a rel=\"prev\" href=\"\(query.link(page: pagination.page - 1))\">Previous page</a>" : ""
        let next: HTML = pagination.hasNext ? "<a rel=\"next\" href=\"\(query.link(page: pagination.page + 1))\">Next page</a>" : ""
        guard !customers.isEmpty else { return "<p id=\"results-summary\">No customer matches.</p>" }
        return """
        <p id="results-summary">Customers \(first)–\(last) of \(pagination.total)</p>
        <div class="scroll">
        <table id="results">
        <caption class="visually-hidden">Matching customers</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Email</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        </div>
        <nav class="pages" aria-label="Result pages">\(previous) <span>Page \(pagination.page) of \(max(1, pagination.totalPages))</span> \(next)</nav>
        """
    }
}

/// How the console names a customer: the person's name or the business's legal name, and the
/// email when neither is known.
enum CustomerNames {
    static func display(_ customer: CustomerView) -> String {
        let name = [customer.firstName, customer.lastName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { return name }
        if let legal = customer.businessLegalName, !legal.isEmpty { return legal }
        return customer.email
    }
}

/// A profile status as a labelled badge (its colour is never the only sign: the word is there).
enum StatusBadge {
    static func render(_ status: ProfileStatus) -> HTML {
        "<span class=\"badge \(status.rawValue)\">\(status.rawValue)</span>"
    }
}
