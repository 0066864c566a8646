import JSON
import CustomerDomain
import CustomerService
import Crypto
import Foundation
import Hummingbird

extension JSONTree {
    /// The tree without the member at `pointer` (a no-op when there is none).
    func removing(pointer: String) -> JSONTree {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        return removing(tokens[...])
    }

    private func removing(_ tokens: ArraySlice<String>) -> JSONTree {
        guard let first = tokens.first else { return self }
        switch self {
        case .object(var members):
            if tokens.count == 1 { members[first] = nil } else if let member = members[first] {
                members[first] = member.removing(tokens.dropFirst())
            }
            return .object(members)
        case .array(var items):
            guard let index = Int(first), items.indices.contains(index) else { return self }
            if tokens.count == 1 { items[index] = .null } else { items[index] = items[index].removing(tokens.dropFirst()) }
            return .array(items)
        default:
            return self
        }
    }
}

/// A request body read as the contract requires: JSON, at most 1 MiB, of a known shape.
struct JSONBody {
    let bytes: [UInt8]
    let tree: JSONTree
    /// Unknown fields and wrongly typed values; those fields are left out of `decode`.
    let shapeProblems: [FieldProblem]

    /// Reads and parses the body; refuses a wrong content type, an oversized or non-JSON body,
    /// and a body that is not of `shape`.
    static func read(_ request: Request, context: APIContext, shape: RequestShape) async throws -> JSONBody {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw APIError.badRequest("Content-Type must be application/json.")
        }
        let buffer = try await request.body.collect(upTo: APILimits.jsonBody)
        let bytes = Array(buffer.readableBytesView)
        let tree: JSONTree
        switch JSONTree.parse(bytes) {
        case .success(let parsed):
            tree = parsed
        case .failure(.duplicateMember(let pointer)):
            let name = pointer.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            throw APIError.validation([FieldProblem(pointer: pointer, detail: "Duplicate field \(JSONBody.unescaped(name)).")])
        case .failure(.malformed):
            throw APIError.badRequest("The body is not valid JSON (UTF-8 text of one JSON object).")
        }
        guard case .object = tree else { throw APIError.validation([FieldProblem(pointer: "/", detail: "Must be a JSON object.")]) }
        return JSONBody(bytes: bytes, tree: tree, shapeProblems: shape.problems(in: tree))
    }

    /// The body as a domain input, decoded from the very tree the shape check read, without
    /// the fields it refused, so the domain can still report everything else that is wrong.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            let pruned = shapeProblems.reduce(tree) { $0.removing(pointer: $1.pointer) }
            return try JSONTreeDecoder().decode(T.self, from: pruned)
        } catch let error as DecodingError {
            throw APIError.validation([FieldProblem(pointer: Self.pointer(of: error), detail: Self.detail(of: error))])
        }
    }

    /// Refuses the request when the shape check found anything, together with what the domain's
    /// own validation finds: every problem at once, each pointer once. A body of the right shape
    /// goes on to `decide`, which validates it (the domain's rules run once per request).
    func requireValid(_ validation: @autoclosure () -> ValidationReport? = nil) throws {
        guard !shapeProblems.isEmpty else { return }
        let report = validation()
        var problems = shapeProblems
        let seen = Set(problems.map(\.pointer))
        problems += (report?.malformed ?? []).filter { !seen.contains($0.pointer) }
        let rules = (report?.ruleViolations ?? []).filter { !seen.contains($0.pointer) }
        if !problems.isEmpty { throw APIError.validation(problems + rules) }
        if !rules.isEmpty { throw CustomerError.invalidRequest(detail: "The request breaks a business rule.", problems: rules) }
    }

    /// The same body checked against another shape (once its `type` says which).
    func reshaped(_ shape: RequestShape) -> JSONBody {
        JSONBody(bytes: bytes, tree: tree, shapeProblems: shape.problems(in: tree))
    }

    /// SHA-256 of the method, the path and the body: what an idempotency key is bound to.
    static func requestHash(_ request: Request, body: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A pointer's reference token as the member name it stands for.
    static func unescaped(_ token: String) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    private static func pointer(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: path = []
        }
        let pointer = path.reduce("") { pointer, key in
            key.intValue.map { jsonPointer(pointer, $0) } ?? jsonPointer(pointer, key.stringValue)
        }
        return pointer.isEmpty ? "/" : pointer
    }

    private static func detail(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch: "Has the wrong type."
        case .valueNotFound, .keyNotFound: "Is required."
        case .dataCorrupted: "Is not a valid value."
        @unknown default: "Is not a valid value."
        }
    }
}
