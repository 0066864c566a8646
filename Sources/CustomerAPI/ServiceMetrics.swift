import Metrics

/// Counters of what commands did, beside the per-request metrics of `AccessLogMiddleware`.
public struct ServiceMetrics: Sendable {
    public init() {}

    func command(_ type: String, outcome: String) {
        Counter(label: "commands_total", dimensions: [("type", type), ("outcome", outcome)]).increment()
    }

    func commandFailed(_ type: String, code: String) {
        Counter(label: "commands_total", dimensions: [("type", type), ("outcome", code)]).increment()
    }

    /// A command that met a concurrent change and was decided again `retries` times.
    func conflictRetries(_ retries: Int) {
        Counter(label: "version_conflicts_total").increment(by: retries)
    }
}
