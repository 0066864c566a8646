import CustomerDomain
import JSON

/// A customer's or representative's fields as a list of labelled values, taken from the view
/// the API answers with, so the console shows exactly what the API shows: the tax
/// identification number is not in that view, and so never here.
enum CustomerFields {
    /// Shown elsewhere on the page (the heading, the boards) or repeated inside
    /// `personalInformation` / `businessInformation`.
    private static let omitted: Set<String> = [
        "/id", "/type", "/verificationProfiles", "/createdAt", "/updatedAt", "/customerId",
        "/firstName", "/lastName", "/dateOfBirth", "/businessLegalName", "/businessTradeName", "/legalHold",
    ]

    static func list(of view: some Encodable, id: String) -> HTML {
        guard case .object(var members)? = JSONTree(encoding: view) else { return .empty }
        for key in omitted { members[String(key.dropFirst())] = nil }
        let leaves = JSONPointer.leaves(of: .object(members)).sorted { order($0.key) < order($1.key) }
        let items = leaves.map { pointer, value -> HTML in
            "<div><dt>\(label(pointer))</dt><dd>\(text(value))</dd></div>"
        }
        return "<dl class=\"fields\" id=\"\(id)\">\(items)</dl>"
    }

    /// Contact first, then addresses, then the rest, each group in pointer order.
    private static func order(_ pointer: String) -> (Int, String) {
        let group = if pointer.hasPrefix("/email") || pointer.hasPrefix("/phone") { 0 }
            else if pointer.hasPrefix("/address") { 1 }
            else { 2 }
        return (group, pointer)
    }

    /// `/personalInformation/dateOfBirth` → `Personal information · Date of birth`;
    /// `/addresses/0/line1` → `Addresses 1 · Line1`.
    static func label(_ pointer: String) -> String {
        var parts: [String] = []
        for token in pointer.split(separator: "/") {
            if let index = Int(token) {
                parts[parts.count - 1] += " \(index + 1)"
            } else {
                parts.append(words(String(token)))
            }
        }
        return parts.joined(separator: " · ")
    }

    /// camelCase as words with the first capitalised.
    private static func words(_ token: String) -> String {
        var result = ""
        for character in token {
            if character.isUppercase, !result.isEmpty {
                result += " " + character.lowercased()
            } else if character.isNumber, let last = result.last, !last.isNumber {
                result += " " + String(character)
            } else {
                result.append(character)
            }
        }
        return result.prefix(1).uppercased() + result.dropFirst()
    }

    static func text(_ value: JSONTree) -> String {
        switch value {
        case .string(let text): text
        case .null: "—"
        case .bool(let flag): flag ? "yes" : "no"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .array(let items): items.isEmpty ? "—" : items.map(text).joined(separator: ", ")
        case .object: ""
        }
    }
}
