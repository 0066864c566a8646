import CustomerDomain
import CustomerService

/// One verification profile as a board: its four lists side by side, the chart of how it got
/// there, the decision form for a reviewer, and the explanation of why it is where it is.
struct ProfileBoard {
    let customer: CustomerID
    let subject: SubjectProfile
    /// Whose profile it is, in words: "Jane Smith (customer)".
    let owner: String
    let series: ProfileSeries?
    let explanation: ProfileExplanation?
    let shownVersion: Int64
    /// The form is offered only at the latest version, to a key with `reviews:write`.
    let decisionForm: ConsoleSession?

    var anchor: String { "profile-" + subject.subject.id }

    func render() -> HTML {
        let profile = subject.profile
        return """
        <section class="profile" id="\(anchor)" aria-labelledby="\(anchor)-title">
        <h3 id="\(anchor)-title">\(profile.name.rawValue) <span class="owner">of \(owner)</span> \(StatusBadge.render(profile.status))</h3>
        <div class="board" role="group" aria-label="Criteria of \(profile.name.rawValue)">
        \(column("complete", profile.criteria.complete.map { ($0, nil) }))
        \(column("pending", profile.criteria.pending.map { ($0, nil) }))
        \(column("required", profile.criteria.required.map { ($0, nil) }))
        \(column("errors", profile.criteria.errors.map { ($0.name, $0.detail) }))
        </div>
        \(series.map { ProfileChart(series: $0, shownVersion: shownVersion).render() } ?? .empty)
        \(decisionForm.map(form) ?? .empty)
        \(explanation.map(ExplanationTable.render) ?? .empty)
        </section>
        """
    }

    private func column(_ list: String, _ criteria: [(name: String, detail: String?)]) -> HTML {
        let items = criteria.map { criterion -> HTML in
            let detail: HTML = criterion.detail.map { ": <span class=\"detail\">\($0)</span>" } ?? ""
            return "<li data-criterion=\"\(criterion.name)\">\(criterion.name)\(detail)</li>"
        }
        let body: HTML = items.isEmpty ? "<p class=\"none\">none</p>" : "<ul>\(items)</ul>"
        return """
        <div class="list \(list)" data-list="\(list)"><h4>\(list) <span class="count">(\(criteria.count))</span></h4>\(body)</div>
        """
    }

    private func form(_ session: ConsoleSession) -> HTML {
        let id = subject.subject.id
        return """
        <form method="post" action="/console/customers/\(customer.rawValue)/decision" class="decision">
        \(ConsoleLayout.csrfField(session))
        <input type="hidden" name="subject" value="\(id)">
        <input type="hidden" name="profile" value="\(subject.profile.name.rawValue)">
        <label for="decision-detail-\(id)">Note for the decision (required to reject)</label>
        <input type="text" id="decision-detail-\(id)" name="detail" maxlength="2000">
        <button type="submit" name="decision" value="approved" id="approve-\(id)">Approve profile</button>
        <button type="submit" name="decision" value="rejected" class="danger" id="reject-\(id)">Reject profile</button>
        </form>
        """
    }
}

/// A profile's explanation as a table: per criterion, its list, since which event, and the
/// documents it rests on with who reviewed them.
enum ExplanationTable {
    static func render(_ explanation: ProfileExplanation) -> HTML {
        let rows = explanation.criteria.map { criterion -> HTML in
            let evidence = criterion.evidence.map { document -> HTML in
                let review: HTML = document.review.map {
                    ", \($0.decision.rawValue) by \($0.reviewedBy ?? "-") in v\($0.event.version)"
                } ?? ""
                return "<li>\(document.documentType.rawValue) <code>\(String(document.sha256.prefix(12)))…</code> \(document.status.rawValue), uploaded v\(document.uploaded.version)\(review)</li>"
            }
            return """
            <tr><th scope="row">\(criterion.name)</th><td>\(criterion.list.rawValue)\(criterion.detail.map { ": " + $0 } ?? "")</td>
            <td>\(event(criterion.since))</td><td>\(evidence.isEmpty ? "—" : "<ul>\(evidence)</ul>" as HTML)</td></tr>
            """
        }
        let status: HTML = explanation.statusSince.map { "since \(event($0))" } ?? "never changed"
        let decided: HTML = explanation.decidedBy.map { ", decided by <strong>\($0)</strong>" } ?? ""
        let rules = explanation.statusRulesVersion.map { recorded in
            recorded == explanation.currentRulesVersion ? "\(recorded) (the current rules)" : "\(recorded) (now \(explanation.currentRulesVersion))"
        } ?? "not recorded (now \(explanation.currentRulesVersion))"
        return """
        <details class="explanation" open>
        <summary>Why it is \(explanation.status.rawValue)</summary>
        <p>\(explanation.status.rawValue) \(status)\(decided). Rules: <code>\(rules)</code></p>
        <div class="scroll"><table>
        <thead><tr><th scope="col">Criterion</th><th scope="col">List</th><th scope="col">Since</th><th scope="col">Evidence</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        </details>
        """
    }

    static func event(_ reference: EventReference) -> HTML {
        "<a href=\"#event-\(reference.version)\">v\(reference.version) \(reference.type)</a> by \(reference.actor ?? "-") at \(reference.recordedAt)"
    }
}
