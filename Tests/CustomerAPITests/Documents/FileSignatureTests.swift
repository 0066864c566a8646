import Testing

@testable import CustomerAPI

@Suite struct FileSignatureTests {
    @Test(arguments: [
        (SampleFiles.pdf, "application/pdf"),
        (SampleFiles.jpeg, "image/jpeg"),
        (SampleFiles.png, "image/png"),
        (SampleFiles.tiffIntel, "image/tiff"),
        (SampleFiles.tiffMotorola, "image/tiff"),
        (SampleFiles.heic, "image/heic"),
    ])
    func recognisesEachAcceptedFormat(bytes: [UInt8], mimeType: String) {
        #expect(FileSignature.mimeType(of: bytes) == mimeType)
    }

    @Test(arguments: ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"])
    func recognisesEachHEICMajorBrand(brand: String) {
        #expect(FileSignature.mimeType(of: SampleFiles.ftyp(major: brand, compatible: [])) == "image/heic")
    }

    @Test func recognisesHEICFromACompatibleBrand() {
        let box = SampleFiles.ftyp(major: "abcd", compatible: ["isom", "mif1"])
        #expect(FileSignature.mimeType(of: box) == "image/heic")
    }

    @Test func acceptsAnySliceOrCollection() {
        let padded = [0, 0] + SampleFiles.png
        #expect(FileSignature.mimeType(of: padded[2...]) == "image/png")
        #expect(FileSignature.mimeType(of: SampleFiles.jpeg.reversed().reversed()) == "image/jpeg")
    }

    @Test(arguments: [
        ("empty", []),
        ("text starting with %PD", Array("%PD is not a PDF".utf8)),
        ("%PDF without its dash", Array("%PDF1.7".utf8)),
        ("PDF signature not at the start", Array(" %PDF-1.7".utf8)),
        ("JPEG start of image only", [0xFF, 0xD8]),
        ("PNG signature truncated", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A]),
        ("PNG signature with a Unix line ending", [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x1A, 0x0A, 0x00]),
        ("TIFF with mixed byte order", [0x49, 0x49, 0x00, 0x2A]),
        ("GIF", Array("GIF89a".utf8)),
        ("ZIP", [0x50, 0x4B, 0x03, 0x04]),
        ("MP4 ftyp with isom brands", SampleFiles.ftyp(major: "isom", compatible: ["isom", "iso2", "mp41"])),
        ("AVIF ftyp", SampleFiles.ftyp(major: "avif", compatible: ["avif", "mif2"])),
        ("ftyp too short for a brand", [0, 0, 0, 16] + Array("ftyphe".utf8)),
        ("ftyp not at offset 4", [0, 0, 0, 0, 0] + Array("ftypheic".utf8)),
        ("ftyp with a size below 16", [0, 0, 0, 8] + Array("ftypheic".utf8) + [0, 0, 0, 0]),
    ] as [(String, [UInt8])])
    func refusesLookAlikes(name: String, bytes: [UInt8]) {
        #expect(FileSignature.mimeType(of: bytes) == nil, "\(name)")
    }

    @Test func aHEICBrandBeyondTheBoxIsIgnored() {
        // The box says 16 bytes (no compatible brands); `mif1` after it belongs to the next box.
        let bytes = [0, 0, 0, 16] + Array("ftypisom".utf8) + [0, 0, 0, 0] + Array("mif1".utf8)
        #expect(FileSignature.mimeType(of: bytes) == nil)
    }
}
