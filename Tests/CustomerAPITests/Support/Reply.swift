import JSON
import CustomerService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A response as the tests read it: status, headers, and the body as text and as JSON.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        body = String(buffer: response.body)
    }

    /// The body parsed as JSON; `.null` when it is not JSON.
    var json: JSONTree { JSONTree(json: Data(body.utf8)) ?? .null }

    var requestId: String? { headers[HTTPField.Name("X-Request-Id")!] }

    /// The problem's `code`, when the body is problem details.
    var code: String? { json["code"].text }

    /// The JSON pointers of the problem's `errors`, in the order given.
    var pointers: [String] { json["errors"].items.compactMap { $0["pointer"].text } }

    /// The single verification profile of a customer or representative view.
    var profile: ProfileSnapshot { ProfileSnapshot(json["verificationProfiles"][0]) }

    /// True when the body has every member of the contract's problem details.
    var isProblem: Bool {
        json["code"].text != nil && json["status"].integer == Int64(status.code)
            && json["correlationId"].text != nil && json["detail"].text != nil
    }
}

/// A verification profile in the contract's words, comparable as a whole.
struct ProfileSnapshot: Equatable, CustomStringConvertible {
    var name: String?
    var status: String?
    var complete: [String] = []
    var pending: [String] = []
    var required: [String] = []
    var errors: [String] = []

    init(
        name: String?, status: String?, complete: [String] = [], pending: [String] = [],
        required: [String] = [], errors: [String] = []
    ) {
        self.name = name
        self.status = status
        self.complete = complete
        self.pending = pending
        self.required = required
        self.errors = errors
    }

    init(_ profile: JSONTree) {
        name = profile["name"].text
        status = profile["status"].text
        complete = profile["criteria"]["complete"].texts
        pending = profile["criteria"]["pending"].texts
        required = profile["criteria"]["required"].texts
        errors = profile["criteria"]["errors"].items.compactMap { $0["name"].text }
    }

    var description: String {
        "\(name ?? "?") \(status ?? "?"): complete \(complete), pending \(pending), required \(required), errors \(errors)"
    }
}

/// Reading parsed JSON in tests: a missing member or index reads as `.null`.
extension JSONTree {
    subscript(_ key: String) -> JSONTree {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    subscript(_ index: Int) -> JSONTree {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var flag: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var items: [JSONTree] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The strings of an array.
    var texts: [String] { items.compactMap(\.text) }

    var keys: Set<String> {
        if case .object(let members) = self { return Set(members.keys) }
        return []
    }
}
