import Foundation
import TestSupport
import Testing

@testable import CustomerAPI

/// Hostile and huge inputs: the parser must answer every one of them, with a
/// form or a `MultipartError`, without trapping or hanging.
@Suite struct MultipartRobustnessTests {
    private static func sampleForm() -> MultipartFixture {
        var fixture = MultipartFixture(boundary: "bnd")
        fixture.addField("targetId", "customer_0123456789abcdef0123456789abcdef")
        fixture.addField("target", "customer")
        fixture.addFile("file", filename: "id.png", contentType: "image/png", bytes: SampleFiles.png)
        return fixture
    }

    @Test func everyTruncationOfAValidBodyIsAnswered() {
        let fixture = Self.sampleForm()
        let body = fixture.body
        for length in 0..<body.count {
            #expect(throws: MultipartError.self) {
                try MultipartFormData.parse(body: Array(body.prefix(length)), contentType: fixture.contentType)
            }
        }
    }

    @Test func randomCorruptionsOfAValidBodyAreAnswered() {
        let fixture = Self.sampleForm()
        let body = fixture.body
        var generator = SplitMix64(seed: 0x5EED)
        let interesting: [UInt8] = [13, 10, 45, 34, 92, 59, 61, 58, 0, 0xFF, 0xC3, UInt8(ascii: "b")]
        for _ in 0..<3_000 {
            var mutated = body
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<mutated.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: mutated[index] = interesting.randomElement(using: &generator) ?? 0
                case 1: mutated.remove(at: index)
                default: mutated.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
                if mutated.isEmpty { break }
            }
            // Either outcome is fine; what matters is that there is one.
            _ = try? MultipartFormData.parse(body: mutated, contentType: fixture.contentType)
        }
    }

    @Test func randomBytesAreAnswered() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<512, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(throws: MultipartError.self) {
                try MultipartFormData.parse(body: bytes, contentType: "multipart/form-data; boundary=zz")
            }
        }
    }

    @Test func randomContentTypesAreAnswered() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["multipart/form-data", ";", " ", "boundary", "=", "\"", "\\", "b", "*", "'", "%", "é"]
        for _ in 0..<2_000 {
            let contentType = (0..<Int.random(in: 0..<10, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined()
            _ = try? MultipartFormData.parse(body: Array("--b--".utf8), contentType: contentType)
        }
    }

    @Test func aFifteenMegabyteFileParsesQuickly() throws {
        var generator = SplitMix64(seed: 15)
        var bytes = [UInt8](repeating: 0, count: 15 * 1024 * 1024)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: generator.next()) }
        var fixture = MultipartFixture()
        fixture.addField("documentType", "passport")
        fixture.addFile("file", filename: "scan.pdf", contentType: "application/pdf", bytes: bytes)
        let body = fixture.body

        let clock = ContinuousClock()
        var form = MultipartFormData()
        let elapsed = try clock.measure {
            form = try MultipartFormData.parse(body: body, contentType: fixture.contentType)
        }

        #expect(form.files.first?.bytes == bytes)
        #expect(elapsed < .seconds(1), "parsing 15 MB took \(elapsed)")
    }

    @Test func aBodyOfCarriageReturnsAndDashesIsAnsweredQuickly() {
        // Every byte is a candidate start of the delimiter: the worst case for the search.
        let body = [UInt8](repeating: 13, count: 1_000_000) + Array("\r\n--\r\n-".utf8)
        let longBoundary = String(repeating: "a", count: 70)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = try? MultipartFormData.parse(body: body, contentType: "multipart/form-data; boundary=\(longBoundary)")
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }
}

