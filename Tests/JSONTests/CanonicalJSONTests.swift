import Foundation
import Testing
@testable import JSON

/// One text per value: members sorted by their UTF-8 bytes, no white space, only the escapes
/// RFC 8259 requires, integers without a fraction; and what it writes parses back to itself.
@Suite struct CanonicalJSONTests {
    @Test(arguments: [
        (JSONTree.object(["b": .integer(1), "a": .array([.bool(true), .null])]), #"{"a":[true,null],"b":1}"#),
        (.string("a/b \"q\" \\ \n\t\u{01} é 😀"), #""a/b \"q\" \\ \n\t\u0001 é 😀""#),
        (.number(0.25), "0.25"),
        (.integer(-9_007_199_254_740_993), "-9007199254740993"),
        (.object(["é": .null, "z": .null, "Z": .null]), #"{"Z":null,"z":null,"é":null}"#),
    ])
    func writesTheOneCanonicalText(tree: JSONTree, text: String) {
        #expect(String(decoding: CanonicalJSON.bytes(of: tree), as: UTF8.self) == text)
        #expect(JSONParser.parse(CanonicalJSON.bytes(of: tree)) == tree)
    }

    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var tags: [String]
        var nested: [String: Int]?
        var absent: String?
        var tree: JSONTree
    }

    @Test func encodesAndDecodesThroughTheTree() throws {
        let sample = Sample(name: "x", count: 3, ratio: 1.5, tags: ["a", "b"], nested: ["k": 1], absent: nil, tree: .object(["n": .integer(2)]))
        let text = String(decoding: try CanonicalJSON.encode(sample), as: UTF8.self)
        #expect(text == #"{"count":3,"name":"x","nested":{"k":1},"ratio":1.5,"tags":["a","b"],"tree":{"n":2}}"#)
        let tree = try #require(JSONParser.parse(Array(text.utf8)))
        #expect(try JSONTreeDecoder().decode(Sample.self, from: tree) == sample)
    }

    /// Writes a member twice, a struct through a single-value container, and names that sort
    /// differently by bytes than by characters.
    struct Awkward: Encodable {
        enum Keys: String, CodingKey { case z, a, é, Z, twice, wrapped, list, empty }
        struct Wrapper: Encodable {
            let inner: Sample
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(inner)
            }
        }
        let sample: Sample

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .z)
            try container.encode("first", forKey: .twice)
            try container.encode(Wrapper(inner: sample), forKey: .wrapped)
            try container.encode([Wrapper(inner: sample)], forKey: .list)
            try container.encode(true, forKey: .é)
            try container.encode(Int64.min, forKey: .Z)
            try container.encode("last", forKey: .twice)
            try container.encode([String: Int](), forKey: .empty)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try nested.encode(2.5, forKey: .a)
            try nested.encodeNil(forKey: .z)
        }
    }

    @Test func theDirectTextIsTheTreesText() throws {
        let sample = Sample(name: "x\"y", count: 3, ratio: 1.5, tags: ["a"], nested: nil, absent: "b", tree: .array([.integer(1), .null]))
        let value = Awkward(sample: sample)
        let direct = try JSONTreeEncoder().canonicalBytes(value)
        #expect(direct == CanonicalJSON.bytes(of: try JSONTreeEncoder().encode(value)))
        let text = String(decoding: direct, as: UTF8.self)
        #expect(text.hasPrefix(#"{"Z":-9223372036854775808,"a":{"a":2.5,"z":null},"empty":{},"list":[{"absent":"b","#))
        #expect(text.contains(#""twice":"last""#) && !text.contains("first"))
        #expect(text.hasSuffix(#","z":1,"é":true}"#))
    }

    @Test func aWrongTypeIsADecodingErrorAtItsPath() throws {
        let tree = try #require(JSONParser.parse(Array(#"{"name":"x","count":"three","ratio":1,"tags":[],"tree":null}"#.utf8)))
        #expect {
            try JSONTreeDecoder().decode(Sample.self, from: tree)
        } throws: { error in
            guard case .typeMismatch(_, let context)? = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["count"]
        }
    }

    @Test func prettyTextIndentsByTwoSpaces() {
        let tree = JSONTree.object(["a": .array([.integer(1)]), "b": .object([:])])
        #expect(String(decoding: CanonicalJSON.bytes(of: tree, pretty: true), as: UTF8.self) == "{\n  \"a\" : [\n    1\n  ],\n  \"b\" : {}\n}")
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "/a"),
        (#"{"x":{"y":[0,{"z":1,"z":1}]}}"#, "/x/y/1/z"),
        (#"{"a/b":{"~":1,"~":2}}"#, "/a~1b/~0"),
    ])
    func aRepeatedMemberIsRefusedWithThePointerOfItsSecondOccurrence(text: String, pointer: String) {
        #expect(JSONParser.parseOrExplain(Array(text.utf8)) == .failure(.duplicateMember(pointer: pointer)))
    }
}
