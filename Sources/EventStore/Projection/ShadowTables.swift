import Postgres

/// Shadow copies of a projection's tables, for rebuilding beside the live ones.
public enum ShadowTables {
    public static func shadowName(of table: String) -> String { table + "_rebuild" }

    /// Creates empty shadows with the live tables' columns, defaults, constraints and indexes.
    public static func create(_ tables: [String], on connection: Connection) async throws {
        for table in tables {
            try await connection.executeScript("""
                DROP TABLE IF EXISTS \(quoteIdentifier(shadowName(of: table)));
                CREATE TABLE \(quoteIdentifier(shadowName(of: table))) (LIKE \(quoteIdentifier(table)) INCLUDING ALL);
                """)
        }
    }

    public static func drop(_ tables: [String], on connection: Connection) async throws {
        for table in tables {
            try await connection.executeScript("DROP TABLE IF EXISTS \(quoteIdentifier(shadowName(of: table)))")
        }
    }

    /// Swaps every shadow in for its live table; run inside the transaction holding the lock.
    public static func swapIn(_ tables: [String], on connection: Connection) async throws {
        for table in tables {
            try await connection.query("SELECT swap_in_rebuilt_table($1, $2)", [table, shadowName(of: table)])
        }
    }

    /// Rows that differ between a live table and its shadow, as JSON text, at most `limit` per
    /// side: `onlyLive` are rows the rebuild did not produce, `onlyShadow` rows it produced
    /// that the live table lacks.
    public static func differences(of table: String, limit: Int, on connection: Connection) async throws -> TableDifferences {
        let live = quoteIdentifier(table)
        let shadow = quoteIdentifier(shadowName(of: table))
        // Whole rows compared as JSON text: json columns have no equality operator of their own.
        func rows(_ first: String, _ second: String) async throws -> (count: Int, sample: [String]) {
            let sql = """
                WITH difference AS (
                    SELECT row_to_json(a)::text AS row FROM \(first) a
                    EXCEPT ALL
                    SELECT row_to_json(b)::text FROM \(second) b
                )
                SELECT (SELECT count(*) FROM difference), row FROM difference ORDER BY row LIMIT $1
                """
            let result = try await connection.query(sql, [limit])
            let count = try result.first?.decode(0, as: Int.self) ?? 0
            return (count, try result.rows.map { try $0.decode(1, as: String.self) })
        }
        let onlyLive = try await rows(live, shadow)
        let onlyShadow = try await rows(shadow, live)
        return TableDifferences(
            table: table, onlyLiveCount: onlyLive.count, onlyLive: onlyLive.sample,
            onlyShadowCount: onlyShadow.count, onlyShadow: onlyShadow.sample)
    }
}

/// What `verify` found for one table.
public struct TableDifferences: Sendable, Equatable {
    public let table: String
    public let onlyLiveCount: Int
    public let onlyLive: [String]
    public let onlyShadowCount: Int
    public let onlyShadow: [String]

    public var isEmpty: Bool { onlyLiveCount == 0 && onlyShadowCount == 0 }
}
