import Foundation
import Hummingbird
import JSON

/// The fields of an `application/x-www-form-urlencoded` body, as the console's forms send them.
struct ConsoleForm: Sendable {
    /// The console's forms are a few short fields; anything larger is not one of them.
    static let maximumBytes = 16 * 1024

    private(set) var fields: [String: String] = [:]

    init(fields: [String: String]) {
        self.fields = fields
    }

    /// Parses `text`; a field named twice keeps its first value, and text that is not valid
    /// percent-encoding is dropped rather than guessed at.
    init(encoded text: Substring) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), fields[name] == nil,
                  let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
            else { continue }
            fields[name] = value
        }
    }

    static func read(_ request: Request, context: APIContext) async throws -> ConsoleForm {
        let buffer = try await request.body.collect(upTo: maximumBytes)
        return ConsoleForm(encoded: Substring(String(buffer: buffer)))
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// The field with its surrounding blanks removed; nil when absent or blank.
    func text(_ name: String) -> String? {
        let trimmed = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The named fields as the JSON body the API's route would take, checked against the same
    /// shape (its limits included), so a form is held to exactly the API's rules. Blank fields
    /// are left out, as a client leaves out what it has no value for.
    func body(_ names: [String], shape: RequestShape) -> JSONBody {
        var members: [String: JSONTree] = [:]
        for name in names {
            if let value = text(name) { members[name] = .string(value) }
        }
        let tree = JSONTree.object(members)
        return JSONBody(bytes: [], tree: tree, shapeProblems: shape.problems(in: tree))
    }

    private static func decoded(_ text: Substring) -> String? {
        String(text.replacingOccurrences(of: "+", with: " ")).removingPercentEncoding
    }
}
