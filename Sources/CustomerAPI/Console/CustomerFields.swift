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
        var fields: [Field] = []
        collect(.object(members), pointer: "", label: [], freeForm: false, into: &fields)
        let items = fields.sorted { order($0.pointer) < order($1.pointer) }.map { field -> HTML in
            "<div><dt>\(field.label)</dt><dd>\(text(field.value))</dd></div>"
        }
        return "<dl class=\"fields\" id=\"\(id)\">\(items)</dl>"
    }

    struct Field {
        let pointer: String
        let label: String
        let value: JSONTree
    }

    /// Walks the view's tree, labelling each leaf as it goes: `Personal information · Date of
    /// birth`, `Addresses 1 · Line 1`. The view's own keys are camelCase words; the keys inside
    /// `meta` are the client's own, shown as they were sent.
    private static func collect(_ tree: JSONTree, pointer: String, label: [String], freeForm: Bool, into fields: inout [Field]) {
        switch tree {
        case .object(let members) where !members.isEmpty:
            for (key, value) in members {
                let part = freeForm ? key : words(key)
                collect(value, pointer: jsonPointer(pointer, key), label: label + [part], freeForm: freeForm || (pointer.isEmpty && key == "meta"), into: &fields)
            }
        case .array(let items) where !items.isEmpty && !items.allSatisfy(\.isScalar):
            for (index, value) in items.enumerated() {
                var numbered = label.isEmpty ? ["Item"] : label
                numbered[numbered.count - 1] += " \(index + 1)"
                collect(value, pointer: jsonPointer(pointer, index), label: numbered, freeForm: freeForm, into: &fields)
            }
        default:
            fields.append(Field(pointer: pointer, label: label.joined(separator: " · "), value: tree))
        }
    }

    /// Contact first, then addresses, then the rest, each group in pointer order.
    private static func order(_ pointer: String) -> (Int, String) {
        let group = if pointer.hasPrefix("/email") || pointer.hasPrefix("/phone") { 0 }
            else if pointer.hasPrefix("/address") { 1 }
            else { 2 }
        return (group, pointer)
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

extension JSONTree {
    var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }
}
