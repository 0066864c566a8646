/// SQL text and its parameters: values always travel separately from the text.
public struct Statement: Sendable {
    public let sql: String
    public let parameters: [PostgresParameter]

    public init(_ sql: String, _ parameters: [any PostgresEncodable] = []) {
        self.sql = sql
        self.parameters = parameters.map(\.postgresParameter)
    }
}

/// A message received on a channel this session LISTENs to.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    public let backendPID: Int32
}
