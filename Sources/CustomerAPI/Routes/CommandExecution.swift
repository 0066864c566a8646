import JSON
import CustomerDomain
import CustomerService
import Foundation
import HTTPTypes
import Hummingbird

/// Runs a command for a route: who sent it, its idempotency key, and the response rendered from
/// the customer's state after the command (stored with the key, so a retry gets it again).
struct CommandExecution: Sendable {
    let services: APIServices

    func run(
        _ command: CustomerCommand, customer: CustomerID, status: HTTPResponse.Status,
        request: Request, context: APIContext, body: [UInt8], content: DocumentContent? = nil,
        view: ResponseShape.View
    ) async throws -> Response {
        guard let key = context.apiKey else { throw APIError.unauthorized }
        let claim = try idempotencyClaim(request, body: body)
        let commandRequest = CommandRequest(
            actor: key.name, requestId: context.requestId, idempotency: claim, now: services.clock())
        let result: CommandResult
        do {
            result = try await services.handler.handle(
                command, customer: customer, request: commandRequest, content: content,
                response: ResponseShape(statusCode: Int(status.code), view: view))
        } catch {
            services.metrics.commandFailed(command.name, code: Self.outcome(of: error))
            throw error
        }
        if result.retries > 0 { services.metrics.conflictRetries(result.retries) }
        services.metrics.command(command.name, outcome: result.executed ? "executed" : "replayed")
        return Responses.stored(result.response)
    }

    /// The contract code a refused command is counted under.
    private static func outcome(of error: any Error) -> String {
        switch error {
        case let error as CustomerServiceError: error.code
        case let error as CustomerError: error.code
        default: "error"
        }
    }

    private func idempotencyClaim(_ request: Request, body: [UInt8]) throws -> IdempotencyClaim? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard !key.isEmpty, key.utf8.count <= 255, key.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7e }) else {
            throw APIError.validation([FieldProblem(pointer: "/", detail: "Idempotency-Key must be 1–255 visible ASCII characters.")])
        }
        return IdempotencyClaim(key: key, requestHash: JSONBody.requestHash(request, body: body))
    }
}

/// Responses with JSON bodies.
enum Responses {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        data(try CanonicalJSON.encode(value), status: status)
    }

    static func data(_ body: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func stored(_ response: StoredResponse) -> Response {
        guard response.statusCode != 204 else { return Response(status: .noContent) }
        return data(response.body, status: .init(code: response.statusCode))
    }
}
