@testable import CustomerAPI

/// Builds multipart bodies the way an HTTP client writes them, so each test
/// shows only the parts it is about.
struct MultipartFixture {
    var boundary = "----FormBoundary7MA4YWxkTrZu0gW"
    var preamble: [UInt8] = []
    var epilogue: [UInt8] = []
    private var parts: [[UInt8]] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    init(boundary: String = "----FormBoundary7MA4YWxkTrZu0gW") {
        self.boundary = boundary
    }

    /// Adds a part with exactly these header lines and this content.
    mutating func addPart(headers: [String], content: [UInt8]) {
        var part = Array(headers.map { $0 + "\r\n" }.joined().utf8)
        part += Array("\r\n".utf8)
        part += content
        parts.append(part)
    }

    mutating func addField(_ name: String, _ value: String) {
        addPart(headers: ["Content-Disposition: form-data; name=\"\(name)\""], content: Array(value.utf8))
    }

    mutating func addFile(_ name: String, filename: String, contentType: String, bytes: [UInt8]) {
        addPart(
            headers: [
                "Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"",
                "Content-Type: \(contentType)",
            ],
            content: bytes)
    }

    var body: [UInt8] {
        var body = preamble
        for part in parts {
            body += Array("--\(boundary)\r\n".utf8)
            body += part
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--".utf8)
        body += epilogue
        return body
    }

    func parse(limits: MultipartFormData.Limits = .standard) throws(MultipartError) -> MultipartFormData {
        try MultipartFormData.parse(body: body, contentType: contentType, limits: limits)
    }
}

/// The minimal signature bytes of each accepted format, padded to look like a file.
enum SampleFiles {
    static let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        + Array("IHDR".utf8) + [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00]
    static let tiffIntel: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
    static let tiffMotorola: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]
    /// The `ftyp` box an iPhone writes: major brand `heic`, compatible `mif1`, `heic`.
    static let heic: [UInt8] = ftyp(major: "heic", compatible: ["mif1", "heic"])

    /// An ISO base media `ftyp` box: size, `ftyp`, major brand, minor version 0, compatible brands.
    static func ftyp(major: String, compatible: [String]) -> [UInt8] {
        let size = 16 + 4 * compatible.count
        var box: [UInt8] = [0, 0, 0, UInt8(size)]
        box += Array("ftyp".utf8) + Array(major.utf8) + [0, 0, 0, 0]
        for brand in compatible { box += Array(brand.utf8) }
        return box
    }
}
