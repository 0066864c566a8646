/// The rows of one statement, copied out of libpq so they can cross threads.
public struct QueryResult: Sendable {
    public let columns: [Column]
    public let rows: [PostgresRow]
    /// Rows an INSERT, UPDATE or DELETE touched (`PQcmdTuples`), 0 for other statements.
    public let affectedRows: Int

    public struct Column: Sendable {
        public let name: String
        public let typeOID: UInt32
    }

    public init(columns: [Column], rows: [PostgresRow], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var isEmpty: Bool { rows.isEmpty }
    public var first: PostgresRow? { rows.first }
}

/// One row: text values as the server printed them (nil is SQL NULL), decoded on demand.
public struct PostgresRow: Sendable {
    let values: [String?]
    let columns: ColumnLookup

    init(values: [String?], columns: ColumnLookup) {
        self.values = values
        self.columns = columns
    }

    public var count: Int { values.count }

    /// Decodes column `index`; `T` may be an optional to accept NULL.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard index < values.count else {
            throw PostgresError(kind: .decoding, message: "row has \(values.count) columns, no column \(index)")
        }
        let column = columns.list[index]
        do {
            return try T.decode(postgresText: values[index], typeOID: column.typeOID)
        } catch {
            throw PostgresError(kind: .decoding, message: "column \(column.name): \(error.reason)")
        }
    }

    /// Decodes the column called `name`.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.indexByName[name] else {
            throw PostgresError(kind: .decoding, message: "no column named \(name)")
        }
        return try decode(index, as: type)
    }

    /// The raw text of column `index`, nil for NULL.
    public func text(_ index: Int) -> String? { values[index] }
}

/// Column metadata shared by every row of one result.
final class ColumnLookup: Sendable {
    let list: [QueryResult.Column]
    let indexByName: [String: Int]

    init(_ list: [QueryResult.Column]) {
        self.list = list
        var byName: [String: Int] = [:]
        for (index, column) in list.enumerated() where byName[column.name] == nil {
            byName[column.name] = index
        }
        self.indexByName = byName
    }
}
