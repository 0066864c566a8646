import Foundation
import Testing

@testable import CustomerAPI

@Suite struct MultipartFormDataTests {
    @Test func readsTextFieldsAndAFileInOrder() throws {
        var fixture = MultipartFixture()
        fixture.addField("targetId", "customer_0123456789abcdef0123456789abcdef")
        fixture.addField("documentType", "passport")
        fixture.addFile("file", filename: "passport.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)

        let form = try fixture.parse()

        #expect(form.orderedFields.map(\.name) == ["targetId", "documentType"])
        #expect(form.fields["documentType"] == "passport")
        #expect(form.files == [
            MultipartFormData.FilePart(
                name: "file", filename: "passport.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf),
        ])
        #expect(form.file(named: "file")?.bytes == SampleFiles.pdf)
    }

    @Test func theFirstValueOfARepeatedFieldWins() throws {
        var fixture = MultipartFixture()
        fixture.addField("side", "front")
        fixture.addField("side", "back")

        let form = try fixture.parse()

        #expect(form.fields == ["side": "front"])
        #expect(form.field("side") == "front")
        #expect(form.orderedFields.map(\.value) == ["front", "back"])
    }

    @Test func theBoundaryMayBeQuoted() throws {
        var fixture = MultipartFixture(boundary: "simple boundary")
        fixture.addField("country", "USA")
        let contentType = #"Multipart/Form-Data; charset=utf-8; BOUNDARY="simple boundary""#

        let form = try MultipartFormData.parse(body: fixture.body, contentType: contentType)

        #expect(form.fields == ["country": "USA"])
    }

    @Test func preambleAndEpilogueAreIgnored() throws {
        var fixture = MultipartFixture()
        fixture.preamble = Array("This is a preamble that mentions --boundary-ish text.\r\n".utf8)
        fixture.epilogue = Array("\r\nAnd an epilogue with --\(fixture.boundary) inside.\r\n".utf8)
        fixture.addField("target", "customer")

        #expect(try fixture.parse().fields == ["target": "customer"])
    }

    @Test func transportPaddingAfterADelimiterIsSkipped() throws {
        let body = Array("--b \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n".utf8)

        let form = try MultipartFormData.parse(body: body, contentType: "multipart/form-data; boundary=b")

        #expect(form.fields == ["a": "1"])
    }

    @Test func contentMayContainLineBreaksAndPartialBoundaries() throws {
        var fixture = MultipartFixture(boundary: "XyZ")
        let binary: [UInt8] = [13, 10, 45, 45, 88, 121, 13, 10, 13, 13, 10, 0, 255]
        fixture.addField("description", "line one\r\nline two\r\n-XyZ\r\n--Xy\r\n")
        fixture.addFile("file", filename: "a.bin", contentType: "application/octet-stream", bytes: binary)

        let form = try fixture.parse()

        #expect(form.fields["description"] == "line one\r\nline two\r\n-XyZ\r\n--Xy\r\n")
        #expect(form.files.first?.bytes == binary)
    }

    @Test func quotedParametersKeepEscapedCharacters() throws {
        var fixture = MultipartFixture()
        fixture.addPart(
            headers: [#"content-disposition: form-data; name="file"; filename="my \"best\" scan.png""#],
            content: SampleFiles.png)

        let file = try #require(try fixture.parse().files.first)

        #expect(file.filename == #"my "best" scan.png"#)
        #expect(file.contentType == nil)
    }

    @Test func anExtendedFilenameIsDecodedAndPreferred() throws {
        var fixture = MultipartFixture()
        fixture.addPart(
            headers: [
                #"Content-Disposition: form-data; name="file"; filename="a.pdf"; filename*=UTF-8''%C3%A9tat%20civil.pdf"#,
                "Content-Type: application/pdf",
            ],
            content: SampleFiles.pdf)

        #expect(try fixture.parse().files.first?.filename == "état civil.pdf")
    }

    @Test func rawUTF8NamesAreAccepted() throws {
        var fixture = MultipartFixture()
        fixture.addFile("file", filename: "Führerschein.jpg", contentType: "image/jpeg", bytes: SampleFiles.jpeg)
        fixture.addField("description", "Vorderseite – gut lesbar ✓")

        let form = try fixture.parse()

        #expect(form.files.first?.filename == "Führerschein.jpg")
        #expect(form.fields["description"] == "Vorderseite – gut lesbar ✓")
    }

    @Test func directoriesAreRemovedFromFilenames() throws {
        var fixture = MultipartFixture()
        fixture.addFile("file", filename: #"C:\\Users\\ada\\id.pdf"#, contentType: "application/pdf", bytes: SampleFiles.pdf)
        fixture.addFile("other", filename: "../../etc/passwd", contentType: "text/plain", bytes: [])

        let form = try fixture.parse()

        #expect(form.files.map(\.filename) == ["id.pdf", "passwd"])
    }

    @Test func aPartDeclaringANonTextTypeIsAFileEvenWithoutAFilename() throws {
        var fixture = MultipartFixture()
        fixture.addPart(
            headers: [#"Content-Disposition: form-data; name="file""#, "Content-Type: image/png"],
            content: SampleFiles.png)
        fixture.addPart(
            headers: [#"Content-Disposition: form-data; name="note""#, "Content-Type: text/plain; charset=UTF-8"],
            content: Array("plain".utf8))

        let form = try fixture.parse()

        #expect(form.files.map(\.name) == ["file"])
        #expect(form.files.first?.filename == nil)
        #expect(form.fields == ["note": "plain"])
    }

    @Test func anEmptyFileAndAnEmptyFieldAreKept() throws {
        var fixture = MultipartFixture()
        fixture.addFile("file", filename: "", contentType: "application/octet-stream", bytes: [])
        fixture.addField("description", "")

        let form = try fixture.parse()

        #expect(form.files.first?.bytes == [])
        #expect(form.files.first?.filename == "")
        #expect(form.fields == ["description": ""])
    }

    @Test func foldedHeaderLinesContinueTheHeaderBefore() throws {
        var fixture = MultipartFixture()
        fixture.addPart(
            headers: ["Content-Disposition: form-data;", #"  name="country""#], content: Array("GBR".utf8))

        #expect(try fixture.parse().fields == ["country": "GBR"])
    }

    @Test func aBodyWithOnlyTheClosingDelimiterHasNoParts() throws {
        let form = try MultipartFormData.parse(body: Array("--b--\r\n".utf8), contentType: "multipart/form-data; boundary=b")

        #expect(form == MultipartFormData())
    }

    @Test func dataBodiesParseLikeByteArrays() throws {
        var fixture = MultipartFixture()
        fixture.addField("target", "business_representative")

        let form = try MultipartFormData.parse(body: Data(fixture.body), contentType: fixture.contentType)

        #expect(form.fields == ["target": "business_representative"])
    }

    @Test func fieldsAndHeadersExactlyAtTheirLimitsAreAccepted() throws {
        var fixture = MultipartFixture()
        fixture.addField("description", String(repeating: "a", count: 64 * 1024))
        let disposition = #"Content-Disposition: form-data; name="x""#
        let padding = "X-Padding: " + String(repeating: "p", count: 8 * 1024 - disposition.utf8.count - 2 - 11)
        fixture.addPart(headers: [disposition, padding], content: Array("y".utf8))

        let form = try fixture.parse()

        #expect(form.fields["description"]?.utf8.count == 64 * 1024)
        #expect(form.fields["x"] == "y")
    }

    @Test func twentyPartsAreAccepted() throws {
        var fixture = MultipartFixture()
        for index in 0..<20 { fixture.addField("f\(index)", "\(index)") }

        #expect(try fixture.parse().orderedFields.count == 20)
    }
}
