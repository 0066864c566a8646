import CLibPQ

extension ConnectionConfiguration {
    /// The same connection string (URI or `key=value`) with another user, and another password
    /// or none, as `key=value` text; libpq itself parses the original, so every form it accepts
    /// is kept whole.
    public func connectionString(user: String, password: String?) throws -> String {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &error) else {
            let message = error.map { String(cString: $0) } ?? "out of memory"
            if let error { PQfreemem(error) }
            throw PostgresError(kind: .client, message: "the connection string cannot be parsed: \(message)")
        }
        defer { PQconninfoFree(options) }
        var pairs: [(String, String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            let key = String(cString: keyword)
            if key != "user", key != "password", let value = option.pointee.val {
                pairs.append((key, String(cString: value)))
            }
            option += 1
        }
        pairs.append(("user", user))
        if let password { pairs.append(("password", password)) }
        return pairs.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: " ")
    }

    /// A `key=value` value in single quotes, with `\` and `'` escaped, as libpq reads it.
    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
