import Foundation

/// Flattens JSON into JSON-pointer paths (RFC 6901), so that two versions of
/// a view can be compared leaf by leaf and each difference named by its path.
public enum JSONPointer {
    /// Every leaf of `tree` under `prefix`. Empty objects and arrays are
    /// leaves too, so that a list becoming empty still shows as a change.
    public static func leaves(of tree: JSONTree, under prefix: String = "") -> [String: JSONTree] {
        var leaves: [String: JSONTree] = [:]
        collect(tree, at: prefix, into: &leaves)
        return leaves
    }

    /// One reference token: `~` and `/` escaped as the RFC requires.
    public static func token(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func collect(_ tree: JSONTree, at path: String, into leaves: inout [String: JSONTree]) {
        switch tree {
        case .object(let members) where !members.isEmpty:
            for (key, value) in members {
                collect(value, at: jsonPointer(path, key), into: &leaves)
            }
        case .array(let elements) where !elements.isEmpty:
            for (index, value) in elements.enumerated() {
                collect(value, at: path + "/" + String(index), into: &leaves)
            }
        default:
            leaves[path.isEmpty ? "/" : path] = tree
        }
    }
}

/// Builds JSON pointers (RFC 6901), escaping `~` and `/` inside a token so a member such as
/// `a/b` points at itself.
public func jsonPointer(_ base: String, _ token: String) -> String {
    // Nearly every token needs no escaping: skip the string rewriting then (it is on every request's path).
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return base + "/" + token }
    return base + "/" + JSONPointer.token(token)
}

public func jsonPointer(_ base: String, _ index: Int) -> String {
    base + "/" + String(index)
}
