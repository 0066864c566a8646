/// Reads a multipart body in one pass: from each delimiter it searches for
/// the next (`CRLF--boundary`), takes the part between them apart, and moves
/// on. Every step advances past what it read, so the loop ends on any input;
/// every index is checked, so no input traps.
struct MultipartBodyReader {
    private static let crlf: [UInt8] = [13, 10]
    private static let headerTerminator: [UInt8] = [13, 10, 13, 10]
    private static let dashes: [UInt8] = [45, 45]

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: MultipartFormData.Limits
    /// `--boundary`, as the first line of a body without preamble starts.
    private let dashBoundary: [UInt8]
    /// `CRLF--boundary`: the CRLF before a delimiter belongs to the delimiter, not to the part.
    private let delimiter: [UInt8]

    init(bytes: UnsafeBufferPointer<UInt8>, boundary: String, limits: MultipartFormData.Limits) {
        self.bytes = bytes
        self.limits = limits
        dashBoundary = Self.dashes + Array(boundary.utf8)
        delimiter = Self.crlf + dashBoundary
    }

    mutating func read() throws(MultipartError) -> MultipartFormData {
        var form = MultipartFormData()
        // The preamble, if any, ends at the first delimiter and is ignored.
        var cursor: Int
        if bytes.hasBytes(dashBoundary, at: 0) {
            cursor = dashBoundary.count
        } else if let first = bytes.firstOffset(of: delimiter, in: 0..<bytes.count) {
            cursor = first + delimiter.count
        } else {
            throw .missingOpeningDelimiter
        }
        var partNumber = 0
        while true {
            // The closing delimiter ends the body; the epilogue after it is ignored.
            if bytes.hasBytes(Self.dashes, at: cursor) { return form }
            partNumber += 1
            cursor = try skipDelimiterLineEnd(from: cursor, part: partNumber)
            guard partNumber <= limits.maximumParts else { throw .tooManyParts(limit: limits.maximumParts) }
            guard let next = bytes.firstOffset(of: delimiter, in: cursor..<bytes.count) else {
                throw .missingClosingDelimiter
            }
            try add(part: cursor..<next, number: partNumber, to: &form)
            cursor = next + delimiter.count
        }
    }

    /// Skips the transport padding (spaces and tabs) and CRLF after a delimiter.
    private func skipDelimiterLineEnd(from start: Int, part: Int) throws(MultipartError) -> Int {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
            cursor += 1
        }
        if cursor >= bytes.count || (cursor == bytes.count - 1 && bytes[cursor] == 13) {
            throw .missingClosingDelimiter
        }
        guard bytes.hasBytes(Self.crlf, at: cursor) else { throw .malformedDelimiter(part: part) }
        return cursor + Self.crlf.count
    }

    private func add(part range: Range<Int>, number: Int, to form: inout MultipartFormData) throws(MultipartError) {
        let headerRange: Range<Int>
        let contentRange: Range<Int>
        if range.isEmpty {
            // Nothing at all between two delimiters.
            headerRange = range
            contentRange = range
        } else if range.count >= Self.crlf.count, bytes.hasBytes(Self.crlf, at: range.lowerBound) {
            // No headers: the part starts with the empty line that ends them.
            headerRange = range.lowerBound..<range.lowerBound
            contentRange = (range.lowerBound + Self.crlf.count)..<range.upperBound
        } else {
            let window = range.lowerBound..<min(
                range.upperBound, range.lowerBound + limits.maximumHeaderBytes + Self.headerTerminator.count)
            guard let end = bytes.firstOffset(of: Self.headerTerminator, in: window) else {
                if window.upperBound < range.upperBound {
                    throw .headerSectionTooLarge(part: number, limit: limits.maximumHeaderBytes)
                }
                throw .unterminatedHeaderSection(part: number)
            }
            headerRange = range.lowerBound..<end
            contentRange = (end + Self.headerTerminator.count)..<range.upperBound
        }
        let headers = try PartHeaders(bytes: bytes[headerRange], part: number)
        let disposition = try headers.formDataDisposition()
        let content = bytes[contentRange]
        if disposition.filename != nil || headers.declaresNonTextContent {
            form.files.append(
                MultipartFormData.FilePart(
                    name: disposition.name, filename: disposition.filename,
                    contentType: headers.contentType, bytes: Array(content)))
        } else {
            guard content.count <= limits.maximumFieldBytes else {
                throw .fieldTooLarge(name: disposition.name, limit: limits.maximumFieldBytes)
            }
            guard let value = String(validating: content, as: UTF8.self) else {
                throw .invalidUTF8(field: disposition.name)
            }
            form.orderedFields.append(MultipartFormData.Field(name: disposition.name, value: value))
        }
    }
}
