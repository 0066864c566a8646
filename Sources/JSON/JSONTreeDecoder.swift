/// Decodes `Decodable` values straight from a parsed `JSONTree`: a request body is parsed once,
/// checked as a tree, and decoded from that same tree, so no value can be read one way by the
/// checks and another way by the decoder.
public struct JSONTreeDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from tree: JSONTree) throws -> T {
        try T(from: TreeDecoding(tree: tree, codingPath: []))
    }
}

private struct TreeDecoding: Decoder {
    let tree: JSONTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = tree else { throw mismatch([String: JSONTree].self, tree, codingPath) }
        return KeyedDecodingContainer(KeyedTreeContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw mismatch([JSONTree].self, tree, codingPath) }
        return UnkeyedTreeContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleTreeContainer(tree: tree, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private func mismatch(_ type: Any.Type, _ value: JSONTree, _ path: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected \(type), found \(value.kindName)."))
}

/// The scalar reads every container shares.
private enum TreeValue {
    static func string(_ tree: JSONTree, _ path: [any CodingKey]) throws -> String {
        guard case .string(let value) = tree else { throw mismatch(String.self, tree, path) }
        return value
    }

    static func bool(_ tree: JSONTree, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let value) = tree else { throw mismatch(Bool.self, tree, path) }
        return value
    }

    static func double(_ tree: JSONTree, _ path: [any CodingKey]) throws -> Double {
        switch tree {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: throw mismatch(Double.self, tree, path)
        }
    }

    static func integer<T: FixedWidthInteger>(_ tree: JSONTree, _ path: [any CodingKey]) throws -> T {
        guard case .integer(let value) = tree else { throw mismatch(T.self, tree, path) }
        guard let exact = T(exactly: value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "\(value) does not fit \(T.self)."))
        }
        return exact
    }

    static func decode<T: Decodable>(_ type: T.Type, _ tree: JSONTree, _ path: [any CodingKey]) throws -> T {
        // The common scalars and trees directly; everything else through its own `init(from:)`.
        if T.self == JSONTree.self { return tree as! T }
        if T.self == String.self { return try string(tree, path) as! T }
        if T.self == Bool.self { return try bool(tree, path) as! T }
        if T.self == Int.self { return try integer(tree, path) as Int as! T }
        if T.self == Int64.self { return try integer(tree, path) as Int64 as! T }
        if T.self == Double.self { return try double(tree, path) as! T }
        return try T(from: TreeDecoding(tree: tree, codingPath: path))
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONTree]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONTree {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No member \(key.stringValue)."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try value(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try value(key)
        if T.self == JSONTree.self { return value as! T }
        if case .null = value {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath + [key], debugDescription: "The value is null."))
        }
        return try TreeValue.decode(T.self, value, codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue] else { return nil }
        if case .null = value { return nil }
        return try TreeValue.decode(T.self, value, codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoding(tree: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoding(tree: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoding(tree: .object(members), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoding(tree: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedDecodingContainer {
    let items: [JSONTree]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [JSONTree], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next<T>(_ type: T.Type) throws -> (JSONTree, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "The array has no more items."))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next(T.self)
        if T.self == JSONTree.self { return value as! T }
        if case .null = value { throw DecodingError.valueNotFound(T.self, .init(codingPath: path, debugDescription: "The value is null.")) }
        return try TreeValue.decode(T.self, value, path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next([String: JSONTree].self)
        return try TreeDecoding(tree: value, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([JSONTree].self)
        return try TreeDecoding(tree: value, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(JSONTree.self)
        return TreeDecoding(tree: value, codingPath: path)
    }
}

private struct SingleTreeContainer: SingleValueDecodingContainer {
    let tree: JSONTree
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool {
        if case .null = tree { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try TreeValue.bool(tree, codingPath) }
    func decode(_ type: String.Type) throws -> String { try TreeValue.string(tree, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try TreeValue.double(tree, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try TreeValue.double(tree, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeValue.integer(tree, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeValue.integer(tree, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeValue.decode(T.self, tree, codingPath)
    }
}

extension JSONTree {
    /// The JSON type's name, for decoding errors.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
