/// Why a `multipart/form-data` body was refused. Every case carries enough
/// context for `message`, a sentence a client can act on; the HTTP layer maps
/// all of them to a 400 problem (`request/invalid`).
public enum MultipartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Content-Type is not `multipart/form-data`.
    case notMultipartFormData(contentType: String)
    /// The Content-Type has no `boundary` parameter.
    case missingBoundary
    /// The boundary breaks RFC 2046: 1–70 characters from its restricted set, not ending in a space.
    case invalidBoundary(String)
    /// The Content-Type header itself cannot be read (an unterminated quoted string, say).
    case invalidContentType(detail: String)
    /// The body never contains the delimiter line `--boundary`.
    case missingOpeningDelimiter
    /// The body ends before the closing delimiter `--boundary--`.
    case missingClosingDelimiter
    /// A delimiter line is followed by something other than CRLF or `--`.
    case malformedDelimiter(part: Int)
    /// The part's header section is not followed by an empty line.
    case unterminatedHeaderSection(part: Int)
    /// The part's header section is longer than the limit.
    case headerSectionTooLarge(part: Int, limit: Int)
    /// A header line of the part cannot be read.
    case invalidHeader(part: Int, detail: String)
    /// The part has no `Content-Disposition` header.
    case missingContentDisposition(part: Int)
    /// The part's `Content-Disposition` is not `form-data` with a `name`.
    case invalidContentDisposition(part: Int, detail: String)
    /// The body has more parts than the limit.
    case tooManyParts(limit: Int)
    /// A text field's value is longer than the limit.
    case fieldTooLarge(name: String, limit: Int)
    /// A text field's value is not valid UTF-8.
    case invalidUTF8(field: String)

    /// A plain-language explanation, suitable for a problem's `detail`.
    public var message: String {
        switch self {
        case .notMultipartFormData(let contentType):
            let shown = contentType.isEmpty ? "missing" : "'\(contentType.prefix(100))'"
            return "The request must be multipart/form-data; its Content-Type is \(shown)."
        case .missingBoundary:
            return "The Content-Type multipart/form-data has no boundary parameter."
        case .invalidBoundary(let boundary):
            return "The multipart boundary '\(boundary.prefix(100))' is invalid: it must be 1 to 70 letters, digits"
                + " or ' ( ) + _ , - . / : = ? and spaces, and must not end with a space."
        case .invalidContentType(let detail):
            return "The Content-Type header cannot be read: \(detail)."
        case .missingOpeningDelimiter:
            return "The body does not contain the multipart boundary given in the Content-Type header."
        case .missingClosingDelimiter:
            return "The multipart body ends without its closing boundary line ('--' + boundary + '--')."
        case .malformedDelimiter(let part):
            return "The boundary line before part \(part) must be followed by a line break or '--'."
        case .unterminatedHeaderSection(let part):
            return "The headers of part \(part) are not followed by an empty line."
        case .headerSectionTooLarge(let part, let limit):
            return "The headers of part \(part) are longer than \(limit) bytes."
        case .invalidHeader(let part, let detail):
            return "A header of part \(part) cannot be read: \(detail)."
        case .missingContentDisposition(let part):
            return "Part \(part) has no Content-Disposition header; every part needs"
                + " 'Content-Disposition: form-data; name=\"…\"'."
        case .invalidContentDisposition(let part, let detail):
            return "The Content-Disposition of part \(part) is invalid: \(detail)."
        case .tooManyParts(let limit):
            return "The form has more than \(limit) parts."
        case .fieldTooLarge(let name, let limit):
            return "The form field '\(name.prefix(100))' is longer than \(limit) bytes."
        case .invalidUTF8(let field):
            return "The form field '\(field.prefix(100))' is not valid UTF-8 text."
        }
    }

    public var description: String { message }
}
