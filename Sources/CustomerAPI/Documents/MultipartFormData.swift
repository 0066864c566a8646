import Foundation

/// A parsed `multipart/form-data` body (RFC 7578 over RFC 2046): its text
/// fields and its files, in the order the client sent them.
///
/// A part is a file when its Content-Disposition has a `filename` (or
/// `filename*`) parameter, or when it declares a Content-Type other than
/// `text/plain` (so `curl -F 'file=<id.pdf;type=application/pdf'` still counts);
/// every other part is a text field and must be UTF-8.
public struct MultipartFormData: Hashable, Sendable {
    /// One text field.
    public struct Field: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One uploaded file.
    public struct FilePart: Hashable, Sendable {
        /// The form field's name (`file`).
        public var name: String
        /// The client's name for the file with any directory part removed
        /// (some clients send `C:\Users\…\id.pdf`); nil when none was given.
        public var filename: String?
        /// The Content-Type the client declared, as sent; nil when none was.
        /// Only a hint: the content decides what the file is (`FileSignature`).
        public var contentType: String?
        public var bytes: [UInt8]

        public init(name: String, filename: String?, contentType: String?, bytes: [UInt8]) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    /// Bounds on what a body may contain; anything beyond them is refused
    /// with a `MultipartError` instead of being buffered or scanned further.
    public struct Limits: Hashable, Sendable {
        public var maximumParts: Int
        public var maximumFieldBytes: Int
        public var maximumHeaderBytes: Int

        public init(maximumParts: Int = 20, maximumFieldBytes: Int = 64 * 1024, maximumHeaderBytes: Int = 8 * 1024) {
            self.maximumParts = maximumParts
            self.maximumFieldBytes = maximumFieldBytes
            self.maximumHeaderBytes = maximumHeaderBytes
        }

        /// 20 parts, text fields up to 64 KiB, header sections up to 8 KiB.
        public static let standard = Limits()
    }

    /// Every text field in order, repeated names included.
    public var orderedFields: [Field]
    /// Every file part in order.
    public var files: [FilePart]

    public init(orderedFields: [Field] = [], files: [FilePart] = []) {
        self.orderedFields = orderedFields
        self.files = files
    }

    /// The text fields by name; when a name repeats, the first value wins.
    public var fields: [String: String] {
        var byName: [String: String] = [:]
        for field in orderedFields where byName[field.name] == nil { byName[field.name] = field.value }
        return byName
    }

    /// The first text field called `name`.
    public func field(_ name: String) -> String? {
        orderedFields.first { $0.name == name }?.value
    }

    /// The first file part whose field is called `name`.
    public func file(named name: String) -> FilePart? {
        files.first { $0.name == name }
    }

    /// Parses `body`, sent with the header `Content-Type: contentType`.
    /// Never traps and never loops without consuming input; whatever is wrong
    /// with the body comes back as a `MultipartError`.
    public static func parse(
        body: [UInt8], contentType: String, limits: Limits = .standard
    ) throws(MultipartError) -> MultipartFormData {
        let boundary = try boundary(fromContentType: contentType)
        let result = body.withUnsafeBufferPointer { bytes in
            Result { () throws(MultipartError) -> MultipartFormData in
                var reader = MultipartBodyReader(bytes: bytes, boundary: boundary, limits: limits)
                return try reader.read()
            }
        }
        return try result.get()
    }

    /// Parses `body`, sent with the header `Content-Type: contentType`.
    public static func parse(
        body: Data, contentType: String, limits: Limits = .standard
    ) throws(MultipartError) -> MultipartFormData {
        try parse(body: [UInt8](body), contentType: contentType, limits: limits)
    }

    /// The boundary of a `multipart/form-data` Content-Type, quoted or not,
    /// checked against RFC 2046 §5.1.1.
    public static func boundary(fromContentType contentType: String) throws(MultipartError) -> String {
        let header: HeaderParameters
        do {
            header = try HeaderParameters(parsing: contentType)
        } catch {
            throw .invalidContentType(detail: error.detail)
        }
        guard header.value == "multipart/form-data" else { throw .notMultipartFormData(contentType: contentType) }
        guard let boundary = header.parameters["boundary"] else { throw .missingBoundary }
        guard isValidBoundary(boundary) else { throw .invalidBoundary(boundary) }
        return boundary
    }

    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                true
            default:
                Array("'()+_,-./:=? ".utf8).contains(byte)
            }
        }
    }
}
