import Crypto
import CustomerDomain
import CustomerService
import Foundation
import Hummingbird
import NIOCore

/// `POST /v2/document` (a file and its metadata, multipart) and the review of a document.
struct DocumentRoutes {
    let services: APIServices
    var execution: CommandExecution { CommandExecution(services: services) }

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/v2/document", scope: .customersWrite, upload),
            Endpoint(.post, "/v2/document/:id/review", scope: .reviewsWrite, review),
        ]
    }

    static let knownFields: Set<String> = ["targetId", "target", "documentType", "country", "side", "description"]
    /// The longest text each form field takes (as in the OpenAPI document).
    static let maximumLengths = ["targetId": 64, "target": 40, "documentType": 40, "country": 40, "side": 40, "description": 2_000]

    @Sendable func upload(_ request: Request, context: APIContext) async throws -> Response {
        let contentType = request.headers[.contentType] ?? ""
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: APILimits.documentBody).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: APILimits.documentFile)
        }
        let form: MultipartFormData
        do {
            form = try MultipartFormData.parse(body: body, contentType: contentType)
        } catch {
            throw APIError.badRequest(error.message)
        }
        var problems = form.orderedFields.map(\.name).filter { !Self.knownFields.contains($0) }
            .map { FieldProblem(pointer: "/\($0)", detail: "Unknown field \($0).") }
        // Each field once: with two values, one could be checked and the other recorded.
        var seen: Set<String> = []
        for name in form.orderedFields.map(\.name) + form.files.map(\.name) where !seen.insert(name).inserted {
            problems.append(FieldProblem(pointer: "/\(name)", detail: "Duplicate field \(name)."))
        }
        for field in form.orderedFields {
            if let maximum = Self.maximumLengths[field.name], TextLength.exceeds(field.value, maximum) {
                problems.append(FieldProblem(pointer: "/\(field.name)", detail: "Must be at most \(maximum) characters."))
            } else if field.value.utf8.contains(0) {
                // Refused as in a JSON body: sealed, a NUL would be stored where no text can hold one.
                problems.append(FieldProblem(pointer: "/\(field.name)", detail: "Must not contain the NUL character (U+0000)."))
            }
        }
        if let name = form.file(named: "file")?.filename {
            if TextLength.exceeds(name, 255) {
                problems.append(FieldProblem(pointer: "/file", detail: "The file name must be at most 255 characters."))
            } else if name.utf8.contains(0) {
                problems.append(FieldProblem(pointer: "/file", detail: "The file name must not contain the NUL character (U+0000)."))
            }
        }
        guard let file = form.file(named: "file"), !file.bytes.isEmpty else {
            problems.append(FieldProblem(pointer: "/file", detail: "Is required: the document's bytes."))
            throw APIError.validation(problems)
        }
        guard file.bytes.count <= APILimits.documentFile else { throw APIError.tooLarge(limit: APILimits.documentFile) }
        guard let mimeType = FileSignature.mimeType(of: file.bytes) else {
            problems.append(FieldProblem(pointer: "/file", detail: "Must be a PDF, JPEG, PNG, HEIC or TIFF file (recognised by its content)."))
            throw APIError.validation(problems)
        }
        if let declared = file.contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
           declared != "application/octet-stream", declared != mimeType {
            problems.append(FieldProblem(pointer: "/file", detail: "Is declared as \(declared) but its content is \(mimeType)."))
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }

        let fields = form.fields
        let sha256 = SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined()
        let upload = DocumentUpload(
            targetId: fields["targetId"], target: fields["target"].map(DocumentTarget.init(rawValue:)),
            documentType: fields["documentType"].map(DocumentType.init(rawValue:)), country: fields["country"],
            side: fields["side"].map(DocumentSide.init(rawValue:)), description: fields["description"],
            fileName: file.filename ?? "document", fileSize: file.bytes.count, mimeType: mimeType, sha256: sha256)
        // The domain's own rules, before the owner is looked up by a target that may be wrong.
        try upload.validate().check()
        let customer = try await owner(of: upload)
        // Stored sealed in the command's own transaction, only when it records the upload.
        let content = DocumentContent(bytes: Data(file.bytes), sha256: sha256, mimeType: mimeType)
        let id = DocumentID(randomBytes: FreshIdentifiers.bytes())!
        return try await execution.run(
            .recordDocumentUpload(id: id, upload), customer: customer, status: .created,
            request: request, context: context, body: body, content: content, view: .document(id))
    }

    @Sendable func review(_ request: Request, context: APIContext) async throws -> Response {
        let id = try PathParameters.documentID(context)
        let body = try await JSONBody.read(request, context: context, shape: RequestShapes.decision)
        let review = try body.decode(DocumentReview.self)
        try body.requireValid(review.validate())
        guard let found = try await services.queries.document(id) else { throw APIError.notFound("Document \(id) was not found.") }
        return try await execution.run(
            .reviewDocument(id: id, review), customer: found.customer, status: .ok,
            request: request, context: context, body: body.bytes, view: .document(id))
    }

    /// The customer whose stream the document belongs to: the target itself, or the business
    /// a representative belongs to.
    private func owner(of upload: DocumentUpload) async throws -> CustomerID {
        guard let targetId = upload.targetId, !targetId.isEmpty else {
            throw APIError.validation([FieldProblem(pointer: "/targetId", detail: "Is required.")])
        }
        if upload.target == .businessRepresentative {
            guard let representative = RepresentativeID(rawValue: targetId),
                  let found = try await services.queries.representative(representative)
            else { throw APIError.notFound("Business representative \(targetId.prefix(80)) was not found.") }
            return found.customer
        }
        guard let customer = CustomerID(rawValue: targetId) else {
            throw APIError.notFound("Customer \(targetId.prefix(80)) was not found.")
        }
        return customer
    }
}
