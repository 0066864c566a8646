import HTTPTypes

/// Which methods each path of the API accepts, for answering 405 with `Allow` when a known path
/// is called with another method (the router itself only knows "no route").
struct AllowedMethods: Sendable {
    private let patterns: [(segments: [Substring], method: HTTPRequest.Method)]

    init(_ endpoints: [Endpoint]) {
        patterns = endpoints.map { ($0.path.split(separator: "/"), $0.method) }
    }

    /// The methods of the routes whose path matches `path` (a `:name` segment matches any one).
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        return patterns.filter { pattern in
            pattern.segments.count == segments.count
                && zip(pattern.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }.map(\.method)
    }
}
