import Foundation
import Postgres

/// The login role the service connects as: a member of `customers_service` and of nothing else,
/// with no attribute beyond LOGIN. Made (or brought back to exactly that) by `customers migrate
/// --service-login NAME`, which runs as the owner; the service itself then cannot do more than
/// `customers_service` may, whatever SQL reaches its sessions (unlike `SET ROLE`, which any
/// statement can undo).
struct ServiceLogin {
    static let serviceRole = "customers_service"
    static let passwordVariable = "CUSTOMERS_SERVICE_PASSWORD"

    let name: String
    /// nil keeps the role's password as it is (none for a new role: fine where the server
    /// trusts local connections, as the project's own clusters do).
    let password: String?

    /// From `CUSTOMERS_SERVICE_PASSWORD`, or the file `CUSTOMERS_SERVICE_PASSWORD_FILE` names.
    static func password(from environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let value = environment[passwordVariable], !value.isEmpty { return value }
        guard let path = environment[passwordVariable + "_FILE"], !path.isEmpty else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Creates the role, or narrows an existing one: no other membership, no other attribute.
    func apply(on pool: ConnectionPool) async throws {
        guard name != Self.serviceRole else {
            throw CommandFailure("--service-login must name a role of its own, not \(Self.serviceRole)")
        }
        try await pool.withTransaction { transaction in
            let current = try await transaction.query("SELECT current_user::text").rows[0].decode(0, as: String.self)
            guard current != name else {
                throw CommandFailure("--service-login \(name) is the role migrations run as; name a role of its own")
            }
            let exists = try await transaction.query("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)", [name])
                .rows[0].decode(0, as: Bool.self)
            // Role names and passwords are quoted by the server itself (format's %I and %L).
            let statement = exists
                ? "SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', $1::text)"
                : "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', $1::text)"
            try await execute(statement, [name], in: transaction)
            for other in try await transaction.query(
                """
                SELECT r.rolname::text FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = $1) AND r.rolname <> $2
                """, [name, Self.serviceRole]).rows {
                try await execute("SELECT format('REVOKE %I FROM %I', $1::text, $2::text)", [try other.decode(0, as: String.self), name], in: transaction)
            }
            try await execute("SELECT format('GRANT %I TO %I', $1::text, $2::text)", [Self.serviceRole, name], in: transaction)
            if let password {
                try await execute("SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text)", [name, password], in: transaction)
            }
        }
    }

    /// Runs the statement text that `formatting` (a `SELECT format(…)` over parameters) builds.
    private func execute(_ formatting: String, _ parameters: [any PostgresEncodable], in transaction: Transaction) async throws {
        let text = try await transaction.query(formatting, parameters).rows[0].decode(0, as: String.self)
        try await transaction.connection.executeScript(text)
    }
}
