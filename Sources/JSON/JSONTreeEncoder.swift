import Foundation

/// Encodes `Encodable` values into a `JSONTree`, which `CanonicalJSON` writes out; the one
/// encoder behind every JSON text the service writes (events, views, responses, exports).
public struct JSONTreeEncoder: Sendable {
    /// How a `Date` is written; by default as an ISO 8601 string with milliseconds.
    public var dateEncoding: @Sendable (Date) -> JSONTree

    public init(dateEncoding: @escaping @Sendable (Date) -> JSONTree = { .string(JSONTreeEncoder.iso8601($0)) }) {
        self.dateEncoding = dateEncoding
    }

    public func encode(_ value: some Encodable) throws -> JSONTree {
        let root = TreeEncoding(codingPath: [], dateEncoding: dateEncoding)
        return try root.encodeValue(value).tree
    }

    /// `value` as canonical JSON text, written straight from what it encodes.
    public func canonicalBytes(_ value: some Encodable) throws -> [UInt8] {
        let root = TreeEncoding(codingPath: [], dateEncoding: dateEncoding)
        var output: [UInt8] = []
        output.reserveCapacity(256)
        switch try root.encodeValue(value) {
        case .value(let tree): CanonicalJSON.write(tree, to: &output)
        case .node(let node): node.writeCanonical(to: &output)
        }
        return output
    }

    /// `2026-03-09T20:46:31.305Z`.
    @Sendable public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Where an encoded value ends up: containers write into a shared node that is read once the
/// value's `encode(to:)` returns. Scalars are kept as values (no node each), members in the order
/// written (a name written twice keeps its last value), so encoding a struct allocates a node
/// only per nested container.
final class TreeNode {
    enum Member {
        case value(JSONTree)
        case node(TreeNode)

        var tree: JSONTree {
            switch self {
            case .value(let value): value
            case .node(let node): node.tree
            }
        }
    }

    var value: JSONTree?
    var members: [(name: String, member: Member)] = []
    var items: [Member] = []
    var kind: Kind = .unset

    enum Kind { case unset, single, object, array }

    var tree: JSONTree {
        switch kind {
        case .unset: return .object([:])
        case .single: return value ?? .null
        case .object:
            var object: [String: JSONTree] = [:]
            object.reserveCapacity(members.count)
            for (name, member) in members { object[name] = member.tree }
            return .object(object)
        case .array: return .array(items.map(\.tree))
        }
    }

    /// The canonical text of the node (see `CanonicalJSON`), written without building a tree.
    func writeCanonical(to output: inout [UInt8]) {
        switch kind {
        case .unset: output.append(contentsOf: "{}".utf8)
        case .single: CanonicalJSON.write(value ?? .null, to: &output)
        case .array:
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            output.append(UInt8(ascii: "{"))
            // By name, and for a name written twice by when: only the last one is written.
            let order = members.indices.sorted { left, right in
                let (a, b) = (members[left].name, members[right].name)
                return a == b ? left < right : a.utf8.lexicographicallyPrecedes(b.utf8)
            }
            var first = true
            for (position, index) in order.enumerated() {
                if position + 1 < order.count, members[order[position + 1]].name == members[index].name { continue }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                JSONString.append(members[index].name, to: &output)
                output.append(UInt8(ascii: ":"))
                Self.write(members[index].member, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func write(_ member: Member, to output: inout [UInt8]) {
        switch member {
        case .value(let value): CanonicalJSON.write(value, to: &output)
        case .node(let node): node.writeCanonical(to: &output)
        }
    }
}

private struct TreeEncoding: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    let dateEncoding: @Sendable (Date) -> JSONTree
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: TreeNode = TreeNode(), codingPath: [any CodingKey], dateEncoding: @escaping @Sendable (Date) -> JSONTree) {
        self.node = node
        self.codingPath = codingPath
        self.dateEncoding = dateEncoding
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object {
            node.kind = .object
            node.members = []
        }
        return KeyedEncodingContainer(KeyedTreeEncoding<Key>(encoding: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array {
            node.kind = .array
            node.items = []
        }
        return UnkeyedTreeEncoding(encoding: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeEncoding(encoding: self)
    }

    /// What `value` encodes to, with the scalars and special types written directly. The types
    /// are compared, not cast: `T` is rarely known here at compile time, and a comparison of
    /// metadata costs far less than a dynamic cast.
    func encodeValue<T: Encodable>(_ value: T) throws -> TreeNode.Member {
        if T.self == String.self { return .value(.string(value as! String)) }
        if T.self == Int.self { return .value(.integer(Int64(value as! Int))) }
        if T.self == Bool.self { return .value(.bool(value as! Bool)) }
        if T.self == Int64.self { return .value(.integer(value as! Int64)) }
        if T.self == Int32.self { return .value(.integer(Int64(value as! Int32))) }
        if T.self == Double.self { return .value(JSONTree.number(checked: value as! Double)) }
        if T.self == JSONTree.self { return .value(value as! JSONTree) }
        if T.self == Date.self { return .value(dateEncoding(value as! Date)) }
        let child = TreeEncoding(codingPath: codingPath, dateEncoding: dateEncoding)
        try value.encode(to: child)
        if child.node.kind == .single { return .value(child.node.value ?? .null) }
        return .node(child.node)
    }

    func child(_ key: any CodingKey) -> TreeEncoding {
        TreeEncoding(codingPath: codingPath + [key], dateEncoding: dateEncoding)
    }
}

private struct KeyedTreeEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoding: TreeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }

    private func set(_ value: JSONTree, _ key: Key) {
        encoding.node.members.append((key.stringValue, .value(value)))
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(JSONTree.number(checked: value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoding.node.members.append((key.stringValue, try encoding.child(key).encodeValue(value)))
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = encoding.child(key)
        encoding.node.members.append((key.stringValue, .node(child.node)))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = encoding.child(key)
        encoding.node.members.append((key.stringValue, .node(child.node)))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoding }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = encoding.child(key)
        encoding.node.members.append((key.stringValue, .node(child.node)))
        return child
    }
}

private struct IndexCodingKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedTreeEncoding: UnkeyedEncodingContainer {
    let encoding: TreeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }
    var count: Int { encoding.node.items.count }

    private func append(_ value: JSONTree) {
        encoding.node.items.append(.value(value))
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(JSONTree.number(checked: value)) }
    mutating func encode(_ value: Int) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoding.node.items.append(try encoding.child(IndexCodingKey(count)).encodeValue(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(.node(child.node))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(.node(child.node))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(.node(child.node))
        return child
    }
}

private struct SingleTreeEncoding: SingleValueEncodingContainer {
    let encoding: TreeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }

    private func set(_ value: JSONTree) {
        encoding.node.kind = .single
        encoding.node.value = value
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(JSONTree.number(checked: value)) }
    mutating func encode(_ value: Float) throws { set(JSONTree.number(checked: Double(value))) }
    mutating func encode(_ value: Int) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { set(.integer(value)) }
    mutating func encode(_ value: UInt) throws { set(JSONTree.integer(unsigned: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { set(JSONTree.integer(unsigned: value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        switch try encoding.encodeValue(value) {
        case .value(let tree): set(tree)
        case .node(let node):
            // The value is a container: this node becomes it.
            encoding.node.kind = node.kind
            encoding.node.members = node.members
            encoding.node.items = node.items
            encoding.node.value = node.value
        }
    }
}

extension JSONTree {
    /// A finite number as itself (integral values as integers, as the parser reads them); a
    /// non-finite one, which JSON cannot hold, as the string naming it.
    static func number(checked value: Double) -> JSONTree {
        guard value.isFinite else { return .string(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity") }
        if value.rounded() == value, abs(value) < 9.2e18, let integer = Int64(exactly: value) { return .integer(integer) }
        return .number(value)
    }

    /// A `UInt64` that may not fit `Int64` (transaction ids do): as a number while it fits,
    /// otherwise as the text of its digits.
    static func integer(unsigned value: UInt64) -> JSONTree {
        Int64(exactly: value).map(JSONTree.integer) ?? .number(Double(value))
    }
}
