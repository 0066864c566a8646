import Foundation
import Testing
@testable import JSON

@Suite struct JSONParserTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        #"  [ 1 , -2 , 3.5 , 1e3 , -0.25E-2 , 0 ]  "#,
        #""quote \" backslash \\ slash \/ controls \b\f\n\r\t""#,
        #""\u00e9\u4e2d\ud83d\ude00""#,
        #"{"type":"individual","email":"jane.smith@example.com","meta":{"k":9007199254740993}}"#,
        "\"é 中 😀\"",
        "{}", "[]", "0", "-0", "123456789012345678",
    ])
    func parsesWhatFoundationParses(text: String) throws {
        let parsed = try #require(JSONParser.parse(Array(text.utf8)))
        let reference = try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
        #expect(parsed == reference)
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "-", "+1", "1e", "tru", "nul",
        "\"unterminated", "\"bad \\x escape\"", "\"lone \\ud800 surrogate\"", "\"tab\tinside\"", "[1] [2]", "{} x",
        "NaN", "Infinity", "1e999",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(JSONParser.parse(Array(text.utf8)) == nil, "\(text)")
    }

    @Test func refusesInvalidUTF8InAString() {
        #expect(JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) == nil)
    }

    @Test func refusesNestingDeeperThanItsLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(JSONParser.parse(Array(deep.utf8)) == nil)
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(JSONParser.parse(Array(allowed.utf8)) != nil)
    }
}
