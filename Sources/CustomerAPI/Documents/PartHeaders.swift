/// The header section of one body part, read as UTF-8 (RFC 7578 §5.1 lets
/// field and file names be sent as raw UTF-8). Names are case-insensitive and
/// kept lowercased; when a header repeats, the first wins.
struct PartHeaders {
    private var values: [String: String] = [:]
    private let part: Int

    /// What `Content-Disposition: form-data; name="…"; filename="…"` says.
    struct FormDataDisposition {
        var name: String
        var filename: String?
    }

    init(bytes: Slice<UnsafeBufferPointer<UInt8>>, part: Int) throws(MultipartError) {
        self.part = part
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidHeader(part: part, detail: "the headers are not valid UTF-8")
        }
        var lastName: String?
        let lines = text.isEmpty ? [] : text.split(separator: "\r\n", omittingEmptySubsequences: false)
        for line in lines {
            if let first = line.utf8.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                // An obsolete folded line continues the header before it.
                guard let name = lastName, let value = values[name] else {
                    throw .invalidHeader(part: part, detail: "the first header line starts with whitespace")
                }
                values[name] = value + " " + line.trimmingSpacesAndTabs
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw .invalidHeader(part: part, detail: "the line '\(line.prefix(60))' has no colon")
            }
            let name = line[..<colon].trimmingSpacesAndTabs.lowercased()
            guard !name.isEmpty else { throw .invalidHeader(part: part, detail: "a header has no name") }
            if values[name] == nil {
                values[name] = line[line.index(after: colon)...].trimmingSpacesAndTabs
                lastName = name
            } else {
                lastName = nil
            }
        }
    }

    /// The declared Content-Type, as sent.
    var contentType: String? { values["content-type"] }

    /// True when the part declares a type other than `text/plain`, which makes it a file.
    var declaresNonTextContent: Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { String($0) } ?? ""
        return mediaType.trimmingSpacesAndTabs.lowercased() != "text/plain"
    }

    func formDataDisposition() throws(MultipartError) -> FormDataDisposition {
        guard let text = values["content-disposition"] else { throw .missingContentDisposition(part: part) }
        let header: HeaderParameters
        do {
            header = try HeaderParameters(parsing: text)
        } catch {
            throw .invalidContentDisposition(part: part, detail: error.detail)
        }
        guard header.value == "form-data" else {
            throw .invalidContentDisposition(
                part: part, detail: "it must be 'form-data', not '\(header.value.prefix(40))'")
        }
        guard let name = header.parameters["name"], !name.isEmpty else {
            throw .invalidContentDisposition(part: part, detail: "it has no name parameter")
        }
        let filename = (header.parameters["filename*"] ?? header.parameters["filename"]).map(Self.baseName)
        return FormDataDisposition(name: name, filename: filename)
    }

    /// The last path component of a client's file name: RFC 7578 §4.2 says
    /// directory information must not be trusted, and some clients send it.
    static func baseName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last
        return last.map(String.init) ?? ""
    }
}

fileprivate extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpacesAndTabs: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
