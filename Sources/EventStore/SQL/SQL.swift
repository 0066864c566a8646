import Foundation
import Postgres

/// One statement of a layer above the store: SQL text and its values, which always travel as
/// parameters. The store runs it beside its own (in a command's transaction, a projector's
/// batch) or alone (a query); the layers above never see a connection.
public struct SQL: Sendable {
    public let text: String
    public let values: [SQLValue]

    public init(_ text: String, _ values: [SQLValue] = []) {
        self.text = text
        self.values = values
    }

    var statement: Statement { Statement(text, values.map(\.parameter)) }
}

/// A statement parameter. Arrays travel as one array value (`unnest($1::text[])`), so a
/// statement writes any number of rows.
public struct SQLValue: Sendable {
    let parameter: PostgresParameter

    private init(_ value: some PostgresEncodable) { parameter = value.postgresParameter }

    public static let null = SQLValue(PostgresParameter.null)
    public static func text(_ value: String?) -> SQLValue { SQLValue(value) }
    public static func integer(_ value: Int64?) -> SQLValue { SQLValue(value) }
    public static func integer(_ value: Int) -> SQLValue { SQLValue(value) }
    public static func boolean(_ value: Bool) -> SQLValue { SQLValue(value) }
    public static func double(_ value: Double) -> SQLValue { SQLValue(value) }
    /// `bytea`.
    public static func bytes(_ value: Data?) -> SQLValue { SQLValue(value) }
    /// JSON text, as `jsonb` (cast it for a `json` column).
    public static func json(_ value: Data) -> SQLValue { SQLValue(JSONB(value)) }
    public static func timestamp(_ value: Date) -> SQLValue { SQLValue(value) }
    public static func texts(_ values: [String]) -> SQLValue { SQLValue(values) }
    public static func optionalTexts(_ values: [String?]) -> SQLValue { SQLValue(values) }
    public static func integers(_ values: [Int64]) -> SQLValue { SQLValue(values) }
    /// JSON texts, as `jsonb[]` (cast to `json[]` for `json` columns).
    public static func jsons(_ values: [Data]) -> SQLValue { SQLValue(values.map(JSONB.init)) }
}

/// The rows one statement returned.
public struct SQLRows: Sendable {
    public let rows: [SQLRow]
    /// Rows an INSERT, UPDATE or DELETE touched.
    public let affectedRows: Int

    init(_ result: QueryResult) {
        rows = result.rows.map(SQLRow.init)
        affectedRows = result.affectedRows
    }

    public var first: SQLRow? { rows.first }
    public var isEmpty: Bool { rows.isEmpty }
}

/// One row, read column by column; a value of the wrong type or an unexpected NULL throws.
public struct SQLRow: Sendable {
    let row: PostgresRow

    public func string(_ column: Int) throws -> String { try decode(column) }
    public func optionalString(_ column: Int) throws -> String? { try decode(column) }
    public func integer(_ column: Int) throws -> Int64 { try decode(column) }
    public func optionalInteger(_ column: Int) throws -> Int64? { try decode(column) }
    public func int(_ column: Int) throws -> Int { try decode(column) }
    public func boolean(_ column: Int) throws -> Bool { try decode(column) }
    /// `bytea` as its bytes; `json`, `jsonb` and `text` as their UTF-8 bytes.
    public func bytes(_ column: Int) throws -> Data { try decode(column) }
    public func optionalBytes(_ column: Int) throws -> Data? { try decode(column) }
    public func date(_ column: Int) throws -> Date { try decode(column) }
    public func optionalDate(_ column: Int) throws -> Date? { try decode(column) }

    private func decode<T: PostgresDecodable>(_ column: Int) throws -> T {
        do {
            return try row.decode(column, as: T.self)
        } catch let error as PostgresError {
            throw EventStoreError.failure(StoreFailure(error))
        }
    }
}

/// Runs statements of the layers above: the store itself (each on a pooled connection), or the
/// connection of a rebuild or verify (inside its snapshot).
public protocol StoreReader: Sendable {
    func query(_ sql: SQL) async throws -> SQLRows
}
