import CustomerDomain
import CustomerService

/// A small SVG chart of one profile over the stream's versions: a band of the status at each
/// version on top, and below it one line per criteria list counting its criteria. The shown
/// version is marked. Drawn on the server, so it needs no script; its description states the
/// latest numbers for screen readers, and each band piece names its version and status.
struct ProfileChart {
    let series: ProfileSeries
    let shownVersion: Int64

    static let width = 640.0
    static let height = 180.0
    private static let left = 34.0, right = 12.0, bandTop = 8.0, bandHeight = 18.0, plotTop = 40.0, plotBottom = 150.0

    /// Text-safe colours: each has at least 4.5:1 against white, and each line is also named
    /// in the legend, so colour is never the only sign.
    static let listColours: [(list: String, colour: String)] = [
        ("complete", "#1b6e2a"), ("pending", "#8a5a00"), ("required", "#1d4f91"), ("errors", "#b00020"),
    ]
    static let statusColours: [ProfileStatus: String] = [
        .incomplete: "#6b6b6b", .pending: "#8a5a00", .approved: "#1b6e2a", .rejected: "#b00020",
    ]

    /// The points where something changes: of each run of equal points, its first and its last.
    /// A straight line through them is the line through all of them, so the chart looks the same
    /// and stays small however long the stream.
    static func turns(_ points: [ProfileSeries.Point]) -> [ProfileSeries.Point] {
        func same(_ a: ProfileSeries.Point, _ b: ProfileSeries.Point) -> Bool {
            (a.status, a.complete, a.pending, a.required, a.errors) == (b.status, b.complete, b.pending, b.required, b.errors)
        }
        return points.indices.compactMap { index in
            let point = points[index]
            let startsRun = index == 0 || !same(points[index - 1], point)
            let endsRun = index == points.count - 1 || !same(points[index + 1], point)
            return startsRun || endsRun ? point : nil
        }
    }

    func render() -> HTML {
        let points = Self.turns(series.points)
        guard let first = points.first, let last = points.last else { return .empty }
        let id = "chart-" + series.subject.id
        // Each version has a slot of equal width; lines go through the slots' middles, and the
        // band covers each status's slots, so even the last version's status shows.
        let slots = Double(last.version - first.version + 1)
        let maximum = Double(max(1, points.map { max($0.complete, $0.pending, $0.required, $0.errors) }.max() ?? 1))
        let plotWidth = Self.width - Self.left - Self.right
        func slot(_ version: Int64) -> Double { Self.left + Double(version - first.version) / slots * plotWidth }
        func x(_ version: Int64) -> Double { slot(version) + plotWidth / slots / 2 }
        func y(_ count: Int) -> Double { Self.plotBottom - Double(count) / maximum * (Self.plotBottom - Self.plotTop) }

        // One piece per run of a status, from its first version to where the next begins.
        let runs = points.indices.filter { $0 == 0 || points[$0 - 1].status != points[$0].status }
        let band = runs.enumerated().map { position, index -> HTML in
            let point = points[index]
            let start = slot(point.version)
            let next = position + 1 < runs.count ? points[runs[position + 1]].version : nil
            let end = next.map { slot($0) } ?? (Self.width - Self.right)
            return """
            <rect x="\(Self.format(start))" y="\(Self.format(Self.bandTop))" width="\(Self.format(max(1, end - start)))" height="\(Self.format(Self.bandHeight))" fill="\(Self.statusColours[point.status] ?? "#6b6b6b")"><title>\(point.status.rawValue) from v\(point.version)</title></rect>
            """
        }
        let lines = Self.listColours.map { list, colour -> HTML in
            let coordinates = points.map { "\(Self.format(x($0.version))),\(Self.format(y(Self.count(list, $0))))" }.joined(separator: " ")
            return "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
        }
        let legend = Self.listColours.enumerated().map { index, entry -> HTML in
            let at = Self.left + Double(index) * 120
            return """
            <rect x="\(Self.format(at))" y="162" width="12" height="12" fill="\(entry.colour)"/><text x="\(Self.format(at + 16))" y="172" font-size="12" fill="#1a1a1a">\(entry.list)</text>
            """
        }
        let marker: HTML = (first.version...last.version).contains(shownVersion)
            ? "<line x1=\"\(Self.format(x(shownVersion)))\" x2=\"\(Self.format(x(shownVersion)))\" y1=\"4\" y2=\"\(Self.format(Self.plotBottom))\" stroke=\"#1a1a1a\" stroke-dasharray=\"3 3\"/>"
            : ""
        return """
        <figure class="chart">
        <svg id="\(id)" viewBox="0 0 \(Self.format(Self.width)) \(Self.format(Self.height))" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(series.profile.rawValue) over versions \(first.version) to \(last.version)</title>
        <desc id="\(id)-desc">Status band on top; lines count the complete, pending, required and errors criteria at each version. Now \(last.status.rawValue) with \(last.complete) complete, \(last.pending) pending, \(last.required) required, \(last.errors) errors.</desc>
        \(band)
        <line x1="\(Self.format(Self.left))" x2="\(Self.format(Self.width - Self.right))" y1="\(Self.format(Self.plotBottom))" y2="\(Self.format(Self.plotBottom))" stroke="#595959"/>
        <text x="4" y="\(Self.format(Self.plotTop + 4))" font-size="11" fill="#1a1a1a">\(Int(maximum))</text>
        <text x="4" y="\(Self.format(Self.plotBottom))" font-size="11" fill="#1a1a1a">0</text>
        \(lines)
        \(marker)
        \(legend)
        </svg>
        <figcaption>Status and criteria counts of \(series.profile.rawValue), v\(first.version)–v\(last.version)\(marker == .empty ? "" : ", the dashed line at v\(shownVersion)")</figcaption>
        </figure>
        """
    }

    private static func count(_ list: String, _ point: ProfileSeries.Point) -> Int {
        switch list {
        case "complete": point.complete
        case "pending": point.pending
        case "required": point.required
        default: point.errors
        }
    }

    /// One decimal is plenty for a 640-unit drawing and keeps the markup short.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
