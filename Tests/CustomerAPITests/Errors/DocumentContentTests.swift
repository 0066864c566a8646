import Testing

/// A document is what its bytes are: a file whose content is not an accepted format, or not the
/// format it claims, is refused with a pointer at `/file`.
@Suite struct DocumentContentTests {
    struct Upload: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let contentType: String

        var testDescription: String { name }
    }

    static let refused: [Upload] = [
        Upload(name: "PNG bytes declared as a PDF", bytes: SampleFiles.png, contentType: "application/pdf"),
        Upload(name: "JPEG bytes declared as a PNG", bytes: SampleFiles.jpeg, contentType: "image/png"),
        Upload(name: "plain text declared as a PDF", bytes: Array("This is my passport, honest.".utf8), contentType: "application/pdf"),
        Upload(name: "plain text declared as text", bytes: Array("hello".utf8), contentType: "text/plain"),
        Upload(name: "an HTML page", bytes: Array("<html><body>%PDF-1.7</body></html>".utf8), contentType: "text/html"),
        Upload(name: "a GIF", bytes: Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0], contentType: "image/gif"),
        Upload(name: "a ZIP", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], contentType: "application/zip"),
        Upload(name: "an MP4", bytes: SampleFiles.ftyp(major: "isom", compatible: ["isom", "mp42"]), contentType: "video/mp4"),
    ]

    @Test(arguments: refused)
    func aFileThatIsNotWhatItClaimsIsRefused(_ upload: Upload) async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(
                targetId: jane.id, documentType: "liveness_report", file: upload.bytes, fileContentType: upload.contentType)
            #expect(reply.status == .unprocessableContent, "\(reply.body)")
            #expect(reply.code == "validation/failed")
            #expect(reply.pointers == ["/file"])
            #expect(try await api.eventCount(of: jane.id) == 1, "nothing is recorded")
        }
    }

    @Test func anEmptyFileIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(targetId: jane.id, documentType: "liveness_report", file: [])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/file"])
        }
    }

    @Test func anUploadWithoutAFileIsRefused() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            var form = MultipartFixture()
            form.addField("targetId", jane.id)
            form.addField("target", "customer")
            form.addField("documentType", "liveness_report")
            let reply = try await api.sendForm(form)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/file"])
        }
    }

    @Test func anUnknownFormFieldIsRefusedWithItsPointer() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            var form = MultipartFixture()
            form.addField("targetId", jane.id)
            form.addField("target", "customer")
            form.addField("documentType", "liveness_report")
            form.addField("expiresOn", "2030-01-01")
            form.addFile("file", filename: "liveness.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)
            let reply = try await api.sendForm(form)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == ["/expiresOn"])
        }
    }

    struct Format: Sendable, CustomTestStringConvertible {
        let mimeType: String
        let bytes: [UInt8]
        let declared: String

        var testDescription: String { "\(mimeType) declared as \(declared)" }
    }

    @Test(arguments: [
        Format(mimeType: "image/jpeg", bytes: SampleFiles.jpeg, declared: "image/jpeg"),
        Format(mimeType: "image/png", bytes: SampleFiles.png, declared: "application/octet-stream"),
        Format(mimeType: "image/tiff", bytes: SampleFiles.tiffMotorola, declared: "image/tiff"),
        Format(mimeType: "image/heic", bytes: SampleFiles.heic, declared: "image/heic"),
    ])
    func eachAcceptedFormatIsRecognisedByItsContent(_ format: Format) async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let reply = try await api.upload(
                targetId: jane.id, documentType: "liveness_report", file: format.bytes, fileName: "scan",
                fileContentType: format.declared)
            #expect(reply.status == .created, "\(reply.body)")
            #expect(reply.json["mimeType"].text == format.mimeType)
        }
    }
}
