import Foundation
import Testing

@testable import CustomerAPI

@Suite struct MultipartErrorTests {
    private static let disposition = #"Content-Disposition: form-data; name="a""#

    private func parse(_ body: String, boundary: String = "b") throws(MultipartError) -> MultipartFormData {
        try MultipartFormData.parse(body: Array(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    @Test(arguments: ["application/json", "", "multipart/mixed; boundary=b", "text/plain"])
    func aContentTypeOtherThanFormDataIsRefused(contentType: String) {
        #expect(throws: MultipartError.notMultipartFormData(contentType: contentType)) {
            try MultipartFormData.parse(body: [], contentType: contentType)
        }
    }

    @Test func aMissingBoundaryIsRefused() {
        #expect(throws: MultipartError.missingBoundary) {
            try MultipartFormData.parse(body: [], contentType: "multipart/form-data; charset=utf-8")
        }
    }

    @Test(arguments: ["", "ends with space ", String(repeating: "x", count: 71), "semi\u{7F}colon", "ümlaut", "a\"b"])
    func anInvalidBoundaryIsRefused(boundary: String) {
        let contentType = "multipart/form-data; boundary=\"\(boundary.replacingQuotes)\""
        #expect(throws: MultipartError.invalidBoundary(boundary)) {
            try MultipartFormData.parse(body: [], contentType: contentType)
        }
    }

    @Test func anUnclosedQuoteInTheContentTypeIsRefused() {
        #expect(throws: MultipartError.invalidContentType(detail: "a quoted value is not closed")) {
            try MultipartFormData.parse(body: [], contentType: #"multipart/form-data; boundary="abc"#)
        }
    }

    @Test func aBodyWithoutTheBoundaryIsRefused() {
        #expect(throws: MultipartError.missingOpeningDelimiter) { try parse("just some text") }
        #expect(throws: MultipartError.missingOpeningDelimiter) { try parse("") }
    }

    @Test(arguments: [
        "--b\r\n\(disposition)\r\n\r\nvalue",
        "--b\r\n\(disposition)\r\n\r\nvalue\r\n",
        "--b\r\n\(disposition)\r\n\r\nvalue\r\n--b",
        "--b\r\n\(disposition)\r\n\r\nvalue\r\n--b\r",
        "--b\r\n\(disposition)\r\n\r\nvalue\r\n--b   ",
        "--b",
    ])
    func aBodyWithoutTheClosingDelimiterIsRefused(body: String) {
        #expect(throws: MultipartError.missingClosingDelimiter) { try parse(body) }
    }

    @Test func aBoundaryFollowedByOtherTextIsNotADelimiter() {
        let body = "--b\r\n\(Self.disposition)\r\n\r\n1\r\n--bb\r\n\(Self.disposition)\r\n\r\n2\r\n--b--"
        #expect(throws: MultipartError.malformedDelimiter(part: 2)) { try parse(body) }
    }

    @Test func aPartWithoutContentDispositionIsRefused() {
        #expect(throws: MultipartError.missingContentDisposition(part: 1)) {
            try parse("--b\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--b--")
        }
        #expect(throws: MultipartError.missingContentDisposition(part: 1)) { try parse("--b\r\n\r\nvalue\r\n--b--") }
        #expect(throws: MultipartError.missingContentDisposition(part: 1)) { try parse("--b\r\n\r\n--b--") }
    }

    @Test(arguments: [
        ("Content-Disposition: attachment; name=\"a\"", "it must be 'form-data', not 'attachment'"),
        ("Content-Disposition: form-data", "it has no name parameter"),
        ("Content-Disposition: form-data; name=\"\"", "it has no name parameter"),
        ("Content-Disposition: form-data; name=\"a", "a quoted value is not closed"),
        ("Content-Disposition: form-data; name", "the parameter 'name' has no value"),
        ("Content-Disposition: form-data; name=\"a\" x", "unexpected text after the quoted value of 'name'"),
        ("Content-Disposition: form-data; name=a; filename*=latin1''x", "the parameter 'filename*' is not a valid UTF-8 extended value"),
    ])
    func anInvalidContentDispositionIsRefused(header: String, detail: String) {
        #expect(throws: MultipartError.invalidContentDisposition(part: 1, detail: detail)) {
            try parse("--b\r\n\(header)\r\n\r\nvalue\r\n--b--")
        }
    }

    @Test func headersWithoutTheirEmptyLineAreRefused() {
        #expect(throws: MultipartError.unterminatedHeaderSection(part: 1)) {
            try parse("--b\r\n\(Self.disposition)\r\nvalue\r\n--b--")
        }
    }

    @Test func aHeaderLineWithoutAColonIsRefused() {
        #expect(throws: MultipartError.invalidHeader(part: 1, detail: "the line 'garbage' has no colon")) {
            try parse("--b\r\n\(Self.disposition)\r\ngarbage\r\n\r\nvalue\r\n--b--")
        }
    }

    @Test func headersThatAreNotUTF8AreRefused() {
        var body = Array("--b\r\nContent-Disposition: form-data; name=\"".utf8)
        body += [0xC3, 0x28] + Array("\"\r\n\r\nv\r\n--b--".utf8)
        #expect(throws: MultipartError.invalidHeader(part: 1, detail: "the headers are not valid UTF-8")) {
            try MultipartFormData.parse(body: body, contentType: "multipart/form-data; boundary=b")
        }
    }

    @Test func tooManyPartsAreRefused() {
        var fixture = MultipartFixture()
        for index in 0..<21 { fixture.addField("f\(index)", "x") }
        #expect(throws: MultipartError.tooManyParts(limit: 20)) { try fixture.parse() }
    }

    @Test func aTextFieldOver64KiBIsRefused() {
        var fixture = MultipartFixture()
        fixture.addField("description", String(repeating: "a", count: 64 * 1024 + 1))
        #expect(throws: MultipartError.fieldTooLarge(name: "description", limit: 65_536)) { try fixture.parse() }
    }

    @Test func aFileOver64KiBIsNotAFieldAndIsAccepted() throws {
        var fixture = MultipartFixture()
        fixture.addFile("file", filename: "big.pdf", contentType: "application/pdf", bytes: [UInt8](repeating: 7, count: 100_000))
        #expect(try fixture.parse().files.first?.bytes.count == 100_000)
    }

    @Test func aHeaderSectionOver8KiBIsRefused() {
        var fixture = MultipartFixture()
        fixture.addPart(
            headers: [Self.disposition, "X-Padding: " + String(repeating: "p", count: 8 * 1024)],
            content: Array("y".utf8))
        #expect(throws: MultipartError.headerSectionTooLarge(part: 1, limit: 8192)) { try fixture.parse() }
    }

    @Test func aTextFieldThatIsNotUTF8IsRefused() {
        var fixture = MultipartFixture()
        fixture.addPart(headers: [#"Content-Disposition: form-data; name="country""#], content: [0x55, 0xFF, 0x41])
        #expect(throws: MultipartError.invalidUTF8(field: "country")) { try fixture.parse() }
    }

    @Test func everyErrorHasAPlainLanguageMessage() {
        let errors: [MultipartError] = [
            .notMultipartFormData(contentType: ""), .missingBoundary, .invalidBoundary("a "),
            .invalidContentType(detail: "x"), .missingOpeningDelimiter, .missingClosingDelimiter,
            .malformedDelimiter(part: 1), .unterminatedHeaderSection(part: 1),
            .headerSectionTooLarge(part: 1, limit: 8192), .invalidHeader(part: 1, detail: "x"),
            .missingContentDisposition(part: 1), .invalidContentDisposition(part: 1, detail: "x"),
            .tooManyParts(limit: 20), .fieldTooLarge(name: "a", limit: 65_536), .invalidUTF8(field: "a"),
        ]
        for error in errors {
            #expect(error.message.hasSuffix("."))
            #expect(error.description == error.message)
        }
        #expect(MultipartError.tooManyParts(limit: 20).message == "The form has more than 20 parts.")
    }
}

private extension String {
    /// The boundary as it appears inside a quoted Content-Type parameter.
    var replacingQuotes: String { replacingOccurrences(of: "\"", with: "\\\"") }
}
