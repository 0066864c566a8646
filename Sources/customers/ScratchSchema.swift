import Foundation
import Postgres

/// A schema of its own for one benchmark run, dropped with everything in it afterwards.
struct ScratchSchema {
    let name: String
    let configuration: ConnectionConfiguration

    static func create(database configuration: ConnectionConfiguration, prefix: String) async throws -> ScratchSchema {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        let connection = try await Connection.connect(configuration)
        defer { Task { await connection.close() } }
        try await connection.executeScript("CREATE SCHEMA \(quoteIdentifier(name))")
        return ScratchSchema(name: name, configuration: configuration)
    }

    func drop() async throws {
        let connection = try await Connection.connect(configuration)
        defer { Task { await connection.close() } }
        try await connection.executeScript("DROP SCHEMA \(quoteIdentifier(name)) CASCADE")
    }
}
