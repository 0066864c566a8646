/// How the HTTP API is served.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var keyring: APIKeyring
    /// Answers `GET /readyz`: true when the database is reachable and migrated.
    public var readinessCheck: @Sendable () async -> Bool
    /// How long one readiness answer is reused, so probes at any rate cost the database at most
    /// one query this often.
    public var readinessMaximumAge: Duration = .seconds(1)
    /// The Prometheus text for `GET /metrics`.
    public var metricsText: @Sendable () async -> String
    /// A connection that sends nothing for this long is closed, so idle or stalled clients do
    /// not hold connections (and their memory) forever.
    public var idleTimeout: Duration = .seconds(30)
    /// A request's head must be complete this long after the connection opened or the last
    /// response ended; a client that trickles its headers is disconnected.
    public var requestHeadTimeout: Duration = .seconds(30)
    /// A request's body must be complete this long after its head (15 MiB at 128 KiB/s).
    public var requestBodyTimeout: Duration = .seconds(120)
    /// Requests a second per API key, reads and writes apart (per instance).
    public var rateLimits = RateLimits()
    /// The review console's cookies carry `Secure` on every answer, not only on requests a
    /// proxy marks as https (`serve --console-secure-cookies`).
    public var consoleSecureCookies = false

    public init(
        host: String = "127.0.0.1", port: Int = 8080, keyring: APIKeyring,
        readinessCheck: @escaping @Sendable () async -> Bool,
        metricsText: @escaping @Sendable () async -> String = { "" }
    ) {
        self.host = host
        self.port = port
        self.keyring = keyring
        self.readinessCheck = readinessCheck
        self.metricsText = metricsText
    }
}
