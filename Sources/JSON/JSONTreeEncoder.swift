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
        return try root.encodeValue(value)
    }

    /// `2026-03-09T20:46:31.305Z`.
    @Sendable public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Where an encoded value ends up: containers write into a shared node that is read once the
/// value's `encode(to:)` returns.
private final class TreeNode {
    var value: JSONTree?
    var members: [String: TreeNode] = [:]
    var memberOrder: [String] = []
    var items: [TreeNode] = []
    var kind: Kind = .unset

    enum Kind { case unset, single, object, array }

    var tree: JSONTree {
        switch kind {
        case .unset: return .object([:])
        case .single: return value ?? .null
        case .object:
            var object: [String: JSONTree] = [:]
            object.reserveCapacity(members.count)
            for (key, node) in members { object[key] = node.tree }
            return .object(object)
        case .array: return .array(items.map(\.tree))
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
            node.members = [:]
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

    /// The tree of `value`, with the scalars and special types written directly.
    func encodeValue<T: Encodable>(_ value: T) throws -> JSONTree {
        switch value {
        case let tree as JSONTree: return tree
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Int64: return .integer(number)
        case let number as Int32: return .integer(Int64(number))
        case let number as Double: return JSONTree.number(checked: number)
        case let date as Date: return dateEncoding(date)
        default:
            let child = TreeEncoding(codingPath: codingPath, dateEncoding: dateEncoding)
            try value.encode(to: child)
            return child.node.tree
        }
    }

    func child(_ key: any CodingKey) -> TreeEncoding {
        TreeEncoding(codingPath: codingPath + [key], dateEncoding: dateEncoding)
    }
}

private struct KeyedTreeEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoding: TreeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }

    private func set(_ value: JSONTree, _ key: Key) {
        let node = TreeNode()
        node.kind = .single
        node.value = value
        encoding.node.members[key.stringValue] = node
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(JSONTree.number(checked: value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try encoding.child(key).encodeValue(value), key)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = encoding.child(key)
        encoding.node.members[key.stringValue] = child.node
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = encoding.child(key)
        encoding.node.members[key.stringValue] = child.node
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoding }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = encoding.child(key)
        encoding.node.members[key.stringValue] = child.node
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
        let node = TreeNode()
        node.kind = .single
        node.value = value
        encoding.node.items.append(node)
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(JSONTree.number(checked: value)) }
    mutating func encode(_ value: Int) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try encoding.child(IndexCodingKey(count)).encodeValue(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(child.node)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(child.node)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoding.child(IndexCodingKey(count))
        encoding.node.items.append(child.node)
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
        set(try encoding.encodeValue(value))
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
