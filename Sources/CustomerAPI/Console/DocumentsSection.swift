import CustomerDomain

/// The customer's documents and its representatives' as a table: type, whose, status, SHA-256,
/// who reviewed; with accept and reject forms on pending documents for a reviewer.
enum DocumentsSection {
    static func render(_ customer: Customer, owners: [String: String], actions: ConsoleSession?) -> HTML {
        guard !customer.documents.isEmpty else {
            return "<section id=\"documents\" aria-labelledby=\"documents-title\"><h2 id=\"documents-title\">Documents</h2><p>No documents yet.</p></section>"
        }
        let rows = customer.documents.map { document -> HTML in
            let reviewed: HTML = document.reviewedBy.map { by in
                "\(by)\(document.reviewedAt.map { " at " + $0.description } ?? "")"
            } ?? "—"
            let detail: HTML = document.reviewDetail.map { "<span class=\"detail\">\($0)</span>" } ?? ""
            let forms: HTML = actions.flatMap { document.status == .pending ? reviewForms(document, session: $0) : nil } ?? ""
            return """
            <tr id="document-\(document.id.rawValue)" data-status="\(document.status.rawValue)">
            <th scope="row">\(document.documentType.rawValue)\(document.side.map { " (" + $0.rawValue + ")" } ?? "")</th>
            <td>\(owners[document.targetId] ?? document.targetId)</td>
            <td><span class="badge \(document.status.rawValue)">\(document.status.rawValue)</span> \(detail)</td>
            <td><code class="hash">\(document.sha256)</code></td>
            <td>\(document.fileName) (\(document.fileSize) bytes)</td>
            <td>\(reviewed)</td>
            \(actions == nil ? "" : "<td>\(forms)</td>" as HTML)
            </tr>
            """
        }
        return """
        <section id="documents" aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        <div class="scroll"><table>
        <thead><tr><th scope="col">Type</th><th scope="col">For</th><th scope="col">Status</th><th scope="col">SHA-256</th><th scope="col">File</th><th scope="col">Reviewed by</th>\(actions == nil ? "" : "<th scope=\"col\">Review</th>" as HTML)</tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        </section>
        """
    }

    private static func reviewForms(_ document: Document, session: ConsoleSession) -> HTML {
        let id = document.id.rawValue
        return """
        <form method="post" action="/console/documents/\(id)/review" class="review">
        \(ConsoleLayout.csrfField(session))
        <input type="hidden" name="decision" value="accepted">
        <button type="submit" id="accept-\(id)">Accept</button>
        </form>
        <form method="post" action="/console/documents/\(id)/review" class="review">
        \(ConsoleLayout.csrfField(session))
        <input type="hidden" name="decision" value="rejected">
        <label for="reject-detail-\(id)">Why rejected</label>
        <input type="text" id="reject-detail-\(id)" name="detail" maxlength="2000">
        <button type="submit" class="danger" id="reject-\(id)">Reject</button>
        </form>
        """
    }
}
