import Crypto
import Foundation

/// One caller of the API: a name (recorded as `actor` on every event it causes), a secret,
/// and its scopes. The secret is kept only as its SHA-256 digest.
public struct APIKey: Sendable, Equatable {
    public let name: String
    public let scopes: Set<Scope>
    let secretDigest: [UInt8]

    public init(name: String, secret: String, scopes: Set<Scope>) {
        self.name = name
        self.scopes = scopes
        self.secretDigest = Array(SHA256.hash(data: Data(secret.utf8)))
    }
}

/// The configured keys, and the lookup of a presented token among them.
public struct APIKeyring: Sendable {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformedEntry(String)
        case unknownScope(key: String, scope: String)
        case duplicateName(String)
        case weakSecret(key: String)

        public var description: String {
            switch self {
            case .malformedEntry(let entry):
                "API key entry '\(entry.prefix(20))…' is not name:secret:scope[,scope…]"
            case .unknownScope(let key, let scope):
                "API key \(key) names unknown scope '\(scope)'; known: \(Scope.allCases.map(\.rawValue).joined(separator: ", "))"
            case .duplicateName(let name):
                "API key name \(name) appears twice"
            case .weakSecret(let key):
                "API key \(key) has a secret shorter than 16 characters"
            }
        }
    }

    public let keys: [APIKey]

    public init(keys: [APIKey]) {
        self.keys = keys
    }

    /// Entries `name:secret:scope[,scope…]`, separated by `;` or new lines. Unknown scopes and
    /// short secrets are refused at start-up rather than discovered on the first request.
    public init(parsing text: String) throws(ParseError) {
        var keys: [APIKey] = []
        let entries = text.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for entry in entries {
            let parts = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else {
                throw .malformedEntry(entry)
            }
            let (name, secret) = (parts[0], parts[1])
            guard secret.count >= 16 else { throw .weakSecret(key: name) }
            var scopes: Set<Scope> = []
            for word in parts[2].split(separator: ",") {
                let trimmed = word.trimmingCharacters(in: .whitespaces)
                guard let scope = Scope(rawValue: trimmed) else { throw .unknownScope(key: name, scope: trimmed) }
                scopes.insert(scope)
            }
            guard !keys.contains(where: { $0.name == name }) else { throw .duplicateName(name) }
            keys.append(APIKey(name: name, secret: secret, scopes: scopes))
        }
        self.keys = keys
    }

    /// The key whose secret is `token`. Digests of equal length are compared in full for every
    /// key, so the time taken says nothing about how much of a secret was right.
    public func key(for token: String) -> APIKey? {
        let presented = Array(SHA256.hash(data: Data(token.utf8)))
        var found: APIKey?
        for key in keys {
            var difference: UInt8 = 0
            for (left, right) in zip(key.secretDigest, presented) { difference |= left ^ right }
            if difference == 0 { found = key }
        }
        return found
    }
}
