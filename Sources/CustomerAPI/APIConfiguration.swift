/// How the HTTP API is served.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Answers `GET /readyz`: true when the database is reachable and migrated.
    public var readinessCheck: @Sendable () async -> Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, readinessCheck: @escaping @Sendable () async -> Bool) {
        self.host = host
        self.port = port
        self.readinessCheck = readinessCheck
    }
}
