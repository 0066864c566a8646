import CustomerDomain
import CustomerService

/// A customer as the console shows it, folded from its stream: at the latest version, or as of
/// an earlier one (time travel). Its fields, each profile's board with chart and explanation,
/// its documents and representatives, and the timeline. What a section needs, the session's
/// scopes decide as the API's would: the timeline and the explanations need `audit:read`,
/// the forms `reviews:write`.
struct CustomerPage {
    let session: ConsoleSession
    let events: [LoggedEvent]
    let shownVersion: Int64
    /// The first version of the timeline's window (nil: the window around the version shown).
    let timelineStart: Int64?
    let notice: ConsoleNotice?

    var latestVersion: Int64 { events.last?.version ?? 0 }
    var isLatest: Bool { shownVersion == latestVersion }

    func render() throws -> HTML {
        let stream = try DecodedStream(events)
        let shown = try stream.through(version: shownVersion)
        let state = shown.state
        guard let customer = state.customer, let view = CustomerView(state) else {
            return ConsoleLayout.problemPage(title: "Not a customer yet", detail: "The stream holds no customer at version \(shownVersion).", session: session)
        }
        let representatives = BusinessRepresentativeView.all(in: state)
        let name = CustomerNames.display(view)
        var owners = [customer.id.rawValue: name + " (customer)"]
        for representative in representatives {
            owners[representative.id.rawValue] = Self.name(of: representative) + " (representative)"
        }
        let audit = session.allows(.auditRead)
        let series = ProfileSeries.all(of: stream)
        let explanations = audit ? ProfileExplanation.all(of: shown) : []
        let actions = session.allows(.reviewsWrite) && isLatest && customer.personalDataErasedAt == nil ? session : nil
        let boards = customer.subjectProfiles.map { subject in
            ProfileBoard(
                customer: customer.id, subject: subject, owner: owners[subject.subject.id] ?? subject.subject.id,
                series: series.first { $0.subject == subject.subject && $0.profile == subject.profile.name },
                explanation: explanations.first { $0.subjectId == subject.subject.id && $0.profile == subject.profile.name },
                shownVersion: shownVersion, decisionForm: subject.profile.status.isDecided ? nil : actions
            ).render()
        }
        let window = TimelineSection.window(start: timelineStart, around: shownVersion, latest: latestVersion)
        let timeline: HTML = audit
            ? TimelineSection.render(
                Replay.steps(stream, versions: window), customer: customer.id.rawValue, owners: Self.owners(in: stream.state),
                shownVersion: shownVersion, latestVersion: latestVersion, versionQuery: isLatest ? nil : shownVersion)
            : "<section id=\"timeline\"><h2>Timeline</h2><p>The timeline and the explanations need a key with audit:read.</p></section>"
        return ConsoleLayout.page(title: name, session: session, notice: notice, content: """
            <article id="customer" data-version="\(shownVersion)" tabindex="-1">
            <h1>\(name) \(StatusBadge.render(customer.verificationProfile.status))</h1>
            <p class="meta"><code>\(customer.id.rawValue)</code> · \(customer.type.rawValue) · created \(customer.createdAt.description)</p>
            \(banners(customer))
            \(versionPicker(customer.id, audit: audit))
            <section id="fields" aria-labelledby="fields-title">
            <h2 id="fields-title">Fields</h2>
            \(CustomerFields.list(of: view, id: "customer-fields"))
            </section>
            <section id="profiles" aria-labelledby="profiles-title">
            <h2 id="profiles-title">Verification profiles</h2>
            \(boards)
            </section>
            \(DocumentsSection.render(customer, owners: owners, actions: actions))
            \(representativesSection(representatives))
            </article>
            \(timeline)
            """)
    }

    /// Every representative's name in `state` (the latest, for the timeline, which reaches
    /// past the version shown).
    private static func owners(in state: CustomerState) -> [String: String] {
        var owners: [String: String] = [:]
        for representative in BusinessRepresentativeView.all(in: state) { owners[representative.id.rawValue] = name(of: representative) }
        return owners
    }

    private func banners(_ customer: Customer) -> HTML {
        var banners: [HTML] = []
        if !isLatest {
            let recorded = events.first { $0.version == shownVersion }.map { RecordedTime.milliseconds($0.recordedAt) } ?? ""
            banners.append("""
                <p class="banner time-travel" id="as-of" role="status">As of version \(shownVersion) of \(latestVersion), recorded \(recorded).
                <a href="/console/customers/\(customer.id.rawValue)">Back to the latest version</a></p>
                """)
        }
        if let hold = customer.legalHold {
            banners.append("<p class=\"banner\">Under legal hold since \(hold.since.description): \(hold.reason)</p>")
        }
        if let erased = customer.personalDataErasedAt {
            banners.append("<p class=\"banner\">Personal data erased at \(erased.description).</p>")
        }
        return HTML(joining: banners)
    }

    /// A GET form (a number, so it stays small however long the stream), then links to the
    /// versions before and after (`[` and `]` with script).
    private func versionPicker(_ id: CustomerID, audit: Bool) -> HTML {
        """
        <form method="get" action="/console/customers/\(id.rawValue)" class="version-picker">
        <label for="version">Show the customer as of version (1–\(latestVersion))</label>
        <input type="number" id="version" name="version" min="1" max="\(latestVersion)" value="\(shownVersion)" required>
        <button type="submit" id="show-version">Show</button>
        </form>
        <nav class="steps" aria-label="Versions">\(step(id, to: shownVersion - 1, label: "Previous version", anchor: "previous-version"))
        \(step(id, to: shownVersion + 1, label: "Next version", anchor: "next-version"))</nav>
        """
    }

    /// A link to the customer at `version`, when the stream has it (`[` and `]` with script).
    private func step(_ id: CustomerID, to version: Int64, label: String, anchor: String) -> HTML {
        guard (1...latestVersion).contains(version) else { return .empty }
        let key = anchor == "previous-version" ? "[" : "]"
        return "<a id=\"\(anchor)\" href=\"/console/customers/\(id.rawValue)?version=\(version)#customer\" aria-keyshortcuts=\"\(key)\">\(label) (v\(version))</a>"
    }

    private func representativesSection(_ representatives: [BusinessRepresentativeView]) -> HTML {
        guard !representatives.isEmpty else { return .empty }
        let items = representatives.map { representative -> HTML in
            """
            <section class="representative" id="representative-\(representative.id.rawValue)">
            <h3>\(Self.name(of: representative)) <span class="owner">\(representative.type.rawValue)</span> \(representative.verificationProfiles.first.map { StatusBadge.render($0.status) } ?? .empty)</h3>
            \(CustomerFields.list(of: representative, id: "fields-" + representative.id.rawValue))
            </section>
            """
        }
        return """
        <section id="representatives" aria-labelledby="representatives-title">
        <h2 id="representatives-title">Representatives</h2>
        \(items)
        </section>
        """
    }

    static func name(of representative: BusinessRepresentativeView) -> String {
        let name = [representative.firstName, representative.lastName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? representative.email : name
    }
}
