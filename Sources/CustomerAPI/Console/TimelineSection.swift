import CustomerDomain
import CustomerService

/// Every event of the stream, oldest first: its version, type, time and actor, what it changed
/// (the replay's diff: fields, criteria moving between lists, statuses), with status changes
/// marked, and a link to the customer as of that version.
enum TimelineSection {
    /// `owners`: the customer's and representatives' names by id; a profile of the customer is
    /// named by itself, a representative's by whose it is.
    static func render(_ steps: [ReplayStep], customer: String, owners: [String: String], shownVersion: Int64) -> HTML {
        func profile(_ name: ProfileName, of subject: String) -> String {
            subject == customer ? name.rawValue : "\(name.rawValue) of \(owners[subject] ?? subject)"
        }
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
            <a href="/console/customers/\(customer)?version=\(step.version)#customer">View as of v\(step.version)</a></div>
            <ul class="changes">\(changes.isEmpty ? ["<li>(no visible change)</li>"] : changes)</ul>
            </li>
            """
        }
        return """
        <section id="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p>Every event of the customer's stream, oldest first; status changes are marked.</p>
        <ol class="timeline">\(items)</ol>
        </section>
        """
    }
}
