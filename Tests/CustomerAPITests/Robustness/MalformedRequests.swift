import JSON
import CustomerService
import Foundation
import HTTPTypes
import Hummingbird

/// One request a careless or hostile client might send.
struct Probe {
    let label: String
    let method: HTTPRequest.Method
    let uri: String
    var contentType: String? = "application/json"
    var body: [UInt8]? = nil

    init(_ label: String, _ method: HTTPRequest.Method, _ uri: String, contentType: String? = "application/json", body: [UInt8]? = nil) {
        self.label = label
        self.method = method
        self.uri = uri
        self.contentType = contentType
        self.body = body
    }

    init(_ label: String, _ method: HTTPRequest.Method, _ uri: String, json: String) {
        self.init(label, method, uri, body: Array(json.utf8))
    }

    var headers: HTTPFields {
        var fields = TestApplication.headers("everything", json: false)
        if let contentType { fields[.contentType] = contentType }
        return fields
    }
}

/// Generates malformed requests against every route, given ids of things that exist (so the
/// request reaches the body's parser rather than stopping at a missing customer).
struct MalformedRequests {
    let customer: String
    let business: String
    let representative: String
    let document: String

    /// The routes that read a JSON body, each with a valid body to break.
    var jsonRoutes: [(method: HTTPRequest.Method, uri: String, valid: String)] {
        [
            (.post, "/v2/customer", APIFixtures.individual()),
            (.patch, "/v2/customer/\(customer)", #"{"meta":{"tier":"gold"}}"#),
            (.post, "/v2/business-representative", APIFixtures.representative(of: business, ownership: "1")),
            (.patch, "/v2/business-representative/\(representative)", #"{"phone":"+14155550111"}"#),
            (.post, "/v2/document/\(document)/review", #"{"decision":"accepted"}"#),
            (.post, "/v2/customer/\(customer)/verification-profiles/kyc_profile_a/decision", #"{"decision":"approved"}"#),
            (.post, "/v2/business-representative/\(representative)/verification-profiles/ubo_kyc_profile_a/decision", #"{"decision":"approved"}"#),
        ]
    }

    var all: [Probe] {
        brokenJSON + truncatedJSON + wrongTypes + hugeStrings + deepNesting + invalidUTF8 + nulCharacters
            + wrongContentTypes + emptyBodies + brokenMultipart + badIds + badQueries + unknownMethods
    }

    var brokenJSON: [Probe] {
        let snippets = ["{", "}", "[", "nul", "{\"email\":}", "{\"a\":1,}", "{'type':'individual'}", "{\"type\" \"individual\"}",
                        "\"just a string\"", "42", "[]", "{}{}", "{\"type\":\"individual\"}garbage"]
        return jsonRoutes.flatMap { route in
            snippets.map { Probe("broken JSON \($0) on \(route.uri)", route.method, route.uri, json: $0) }
        }
    }

    var truncatedJSON: [Probe] {
        let body = APIFixtures.individual()
        return stride(from: 1, to: body.utf8.count - 1, by: 12).map { length in
            Probe("create truncated at \(length)", .post, "/v2/customer", body: Array(body.utf8.prefix(length)))
        }
    }

    /// Every field of a valid body, replaced by values of every other JSON type.
    var wrongTypes: [Probe] {
        jsonRoutes.flatMap { route -> [Probe] in
            let tree = JSONTree(json: Data(route.valid.utf8))!
            // Inside `meta` any primitive is allowed, so only `meta` itself can have a wrong type.
            return Self.paths(in: tree).filter { $0.first != "meta" || $0.count == 1 }.flatMap { path in
                Self.wrongValues(for: tree.value(at: path)).map { value in
                    Probe(
                        "\(value.rendered.prefix(8)) at /\(path.joined(separator: "/")) on \(route.uri)", route.method, route.uri,
                        body: Array(tree.replacing(at: path, with: value).canonicalJSON))
                }
            }
        }
    }

    /// 100 KB strings in fields that are bounded or formatted by the contract.
    var hugeStrings: [Probe] {
        let huge = String(repeating: "x", count: 100_000)
        let create = JSONTree(json: Data(APIFixtures.individual().utf8))!
        let bounded: [[String]] = [
            ["type"], ["email"], ["phone"], ["address", "country"], ["personalInformation", "dateOfBirth"],
            ["personalInformation", "taxIdentificationNumberType"], ["personalInformation", "taxIdentificationNumberCountry"],
        ]
        var probes = bounded.map { path in
            Probe("100 KB at /\(path.joined(separator: "/"))", .post, "/v2/customer",
                  body: Array(create.replacing(at: path, with: .string(huge)).canonicalJSON))
        }
        probes.append(Probe("100 KB meta value", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["meta": #"{"note":"\#(huge)"}"#])))
        probes.append(Probe("100 KB meta key", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["meta": #"{"\#(huge)":1}"#])))
        probes.append(Probe("100 KB unknown field name", .post, "/v2/customer", json: APIFixtures.individual(replacing: [huge: "1"])))
        probes.append(Probe("100 KB decision", .post, "/v2/document/\(document)/review", json: #"{"decision":"\#(huge)"}"#))
        probes.append(Probe("100 KB ownership", .patch, "/v2/business-representative/\(representative)",
                            json: #"{"representationDetails":{"ownershipPercentage":"\#(huge)"}}"#))
        probes.append(Probe("100 KB search", .get, "/v2/customer?search=\(huge)"))
        return probes
    }

    var deepNesting: [Probe] {
        let depth = 10_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        return [
            Probe("arrays nested \(depth) deep", .post, "/v2/customer", json: arrays),
            Probe("objects nested \(depth) deep", .post, "/v2/customer", json: objects),
            Probe("meta nested \(depth) deep", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["meta": #"{"a":\#(arrays)}"#])),
            Probe("email nested \(depth) deep", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["email": arrays])),
            Probe("patch nested \(depth) deep", .patch, "/v2/customer/\(customer)", json: #"{"meta":\#(objects)}"#),
            Probe("roles nested \(depth) deep", .patch, "/v2/business-representative/\(representative)",
                  json: #"{"representationDetails":{"roles":\#(arrays)}}"#),
        ]
    }

    var invalidUTF8: [Probe] {
        let sequences: [(String, [UInt8])] = [
            ("0xFF", [0xFF]), ("0xFE 0xFF", [0xFE, 0xFF]), ("an overlong slash", [0xC0, 0xAF]),
            ("a lone continuation byte", [0x80]), ("a truncated sequence", [0xE2, 0x82]), ("an encoded surrogate", [0xED, 0xA0, 0x80]),
        ]
        return sequences.flatMap { name, bytes -> [Probe] in
            [
                Probe("\(name) in the email", .post, "/v2/customer",
                      body: Array(#"{"type":"individual","email":"jane"#.utf8) + bytes + Array(#"@example.com"}"#.utf8)),
                Probe("\(name) in a name", .patch, "/v2/customer/\(customer)",
                      body: Array(#"{"personalInformation":{"firstName":"Ja"#.utf8) + bytes + Array(#"ne"}}"#.utf8)),
            ]
        } + [
            Probe("a lone escaped surrogate in the email", .post, "/v2/customer",
                  json: APIFixtures.individual(replacing: ["email": #""jane\ud800@example.com""#])),
        ]
    }

    /// NUL characters: escaped inside strings (valid JSON, but no text PostgreSQL can store), and raw.
    var nulCharacters: [Probe] {
        let escaped = #"\u0000"#
        return [
            Probe("NUL in the email", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["email": #""jane\#(escaped)@example.com""#])),
            Probe("NUL in the type", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["type": #""individual\#(escaped)""#])),
            Probe("NUL in a phone", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["phone": #""+1415555\#(escaped)0123""#])),
            Probe("NUL in a meta key", .post, "/v2/customer", json: APIFixtures.individual(replacing: ["meta": #"{"a\#(escaped)":1}"#])),
            Probe("NUL as a field name", .post, "/v2/customer", json: APIFixtures.individual(replacing: [escaped: "1"])),
            Probe("NUL in the decision", .post, "/v2/document/\(document)/review", json: #"{"decision":"accepted\#(escaped)"}"#),
            Probe("NUL in a first name", .post, "/v2/customer", json: APIFixtures.individual(replacing: [
                "personalInformation": #"{"firstName":"Ja\#(escaped)ne","lastName":"Smith"}"#,
            ])),
            Probe("NUL in a city", .patch, "/v2/customer/\(customer)", json: #"{"address":{"line1":"1 Main St","city":"Spring\#(escaped)field","state":"IL","postalCode":"62701","country":"USA"}}"#),
            Probe("NUL in a meta value", .patch, "/v2/customer/\(customer)", json: #"{"meta":{"note":"a\#(escaped)b"}}"#),
            Probe("NUL in a representative's title", .patch, "/v2/business-representative/\(representative)",
                  json: #"{"representationDetails":{"title":"Chief\#(escaped)"}}"#),
            Probe("NUL in a rejection's detail", .post, "/v2/document/\(document)/review", json: #"{"decision":"rejected","detail":"bad\#(escaped)"}"#),
            Probe("NUL in a document's description", .post, "/v2/document", contentType: MultipartFixture().contentType,
                  body: upload(description: "front\u{0}side")),
            Probe("NUL in a file name", .post, "/v2/document", contentType: MultipartFixture().contentType,
                  body: upload(fileName: "id\u{0}.pdf")),
            Probe("a raw NUL byte in a string", .post, "/v2/customer",
                  body: Array(#"{"type":"individual","email":"ja"#.utf8) + [0] + Array(#"ne@example.com"}"#.utf8)),
        ]
    }

    // MARK: JSON surgery

    /// The path of every member and array element, containers included.
    static func paths(in tree: JSONTree, at path: [String] = []) -> [[String]] {
        switch tree {
        case .object(let members):
            return members.keys.sorted().flatMap { key in [path + [key]] + paths(in: members[key]!, at: path + [key]) }
        case .array(let items):
            return items.indices.flatMap { index in [path + [String(index)]] + paths(in: items[index], at: path + [String(index)]) }
        default:
            return []
        }
    }

    /// Values of every JSON type but the one `value` has (never null: null means absent).
    static func wrongValues(for value: JSONTree) -> [JSONTree] {
        let all: [JSONTree] = [.string("text"), .integer(42), .number(-1.5), .bool(true), .array([.integer(1)]), .object(["x": .integer(1)])]
        return all.filter { candidate in
            switch (value, candidate) {
            case (.string, .string), (.bool, .bool), (.array, .array), (.object, .object): false
            case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number): false
            default: true
            }
        }
    }
}

extension JSONTree {
    func value(at path: [String]) -> JSONTree {
        path.reduce(self) { tree, key in Int(key).map { tree[$0] } ?? tree[key] }
    }

    func replacing(at path: [String], with value: JSONTree) -> JSONTree {
        guard let key = path.first else { return value }
        switch self {
        case .object(var members):
            members[key] = (members[key] ?? .null).replacing(at: Array(path.dropFirst()), with: value)
            return .object(members)
        case .array(var items):
            guard let index = Int(key), items.indices.contains(index) else { return self }
            items[index] = items[index].replacing(at: Array(path.dropFirst()), with: value)
            return .array(items)
        default:
            return self
        }
    }
}
