import CustomerDomain
import CustomerService

/// Every event of the stream, oldest first, a window of `pageSize` at a time: its version, type,
/// time and actor, what it changed (the replay's diff: fields, criteria moving between lists,
/// statuses), with status changes marked, and a link to the customer as of that version.
enum TimelineSection {
    static let pageSize: Int64 = 100

    /// The versions the timeline shows: from `start` when given, else the window that holds
    /// `version` (the last `pageSize` events for the latest).
    static func window(start: Int64?, around version: Int64, latest: Int64) -> ClosedRange<Int64> {
        let first = start ?? max(1, min(version - pageSize / 2, latest - pageSize + 1))
        return first...min(latest, first + pageSize - 1)
    }

    /// `owners`: the customer's and representatives' names by id; a profile of the customer is
    /// named by itself, a representative's by whose it is.
    static func render(
        _ steps: [ReplayStep], customer: String, owners: [String: String], shownVersion: Int64, latestVersion: Int64,
        versionQuery: Int64?
    ) -> HTML {
        func profile(_ name: ProfileName, of subject: String) -> String {
            subject == customer ? name.rawValue : "\(name.rawValue) of \(owners[subject] ?? subject)"
        }
        let first = steps.first?.version ?? 1, last = steps.last?.version ?? 0
        let items = steps.map { step -> HTML in
            let moves = step.criterionMoves.map { move -> HTML in
                "<li class=\"criterion\">\(profile(move.profile, of: move.subjectId)): \(move.criterion) \(move.from?.description ?? "(new)") → \(move.to.description)</li>"
            }
            let statuses = step.statusChanges.map { change -> HTML in
                "<li class=\"status\"><strong>\(profile(change.profile, of: change.subjectId)): status \(change.from?.rawValue ?? "(new)") → \(change.to?.rawValue ?? "(removed)")</strong></li>"
            }
            let changes = step.fieldChanges.map { "<li class=\"field\">\($0.text)</li>" as HTML } + moves + statuses
            let classes = (step.statusChanges.isEmpty ? "event" : "event status-change") + (step.version == shownVersion ? " shown" : "")
            let current: HTML = step.version == shownVersion ? " aria-current=\"step\"" : ""
            let time = RecordedTime.milliseconds(step.recordedAt)
            return """
            <li class="\(classes)" id="event-\(step.version)" data-version="\(step.version)"\(current)>
            <div class="event-head"><span class="version">v\(step.version)</span> <span class="type">\(step.type)</span>
            <time datetime="\(time)">\(time)</time> <span class="actor">by \(step.actor ?? "-")</span>
            \(step.statusChanges.isEmpty ? "" : "<span class=\"flag\">status change</span>" as HTML)
            <a href="/console/customers/\(customer)?version=\(step.version)&amp;timeline=\(first)#customer">View as of v\(step.version)</a></div>
            <ul class="changes">\(changes.isEmpty ? ["<li>(no visible change)</li>"] : changes)</ul>
            </li>
            """
        }
        let base = "/console/customers/\(customer)?" + (versionQuery.map { "version=\($0)&" } ?? "")
        let earlier: HTML = first > 1
            ? "<a id=\"earlier-events\" href=\"\(base)timeline=\(max(1, first - pageSize))#timeline\">Earlier events</a>" : ""
        let later: HTML = last < latestVersion
            ? "<a id=\"later-events\" href=\"\(base)timeline=\(last + 1)#timeline\">Later events</a>" : ""
        let pages: HTML = earlier == .empty && later == .empty ? "" : "<nav class=\"pages\" aria-label=\"Timeline pages\">\(earlier) \(later)</nav>"
        return """
        <section id="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p id="timeline-summary">Events \(first)–\(last) of \(latestVersion), oldest first; status changes are marked.</p>
        \(pages)
        <ol class="timeline">\(items)</ol>
        \(pages)
        </section>
        """
    }
}
