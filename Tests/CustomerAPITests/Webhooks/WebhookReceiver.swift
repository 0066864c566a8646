import CustomerService
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A webhook receiver on 127.0.0.1, as an integrator runs one: it records every delivery it
/// gets and answers as `answer` says (a status, after a pause if it likes).
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        let id: String
        let timestamp: String
        let signature: String
        let body: Data
        let at: ContinuousClock.Instant

        /// The body as JSON.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var name: String { json["name"] as? String ?? "" }
        var customerId: String {
            let data = json["data"] as? [String: Any]
            return (data?["targetId"] as? String).flatMap { $0.hasPrefix("customer_") ? $0 : nil } ?? data?["id"] as? String ?? ""
        }
    }

    let port: Int
    private let deliveries = Mutex<[Delivery]>([])
    private let task = Mutex<Task<Void, any Error>?>(nil)

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var received: [Delivery] { deliveries.withLock { $0 } }

    private init(port: Int) { self.port = port }

    /// Starts a receiver on a free port; `answer` decides each response.
    static func start(answer: @escaping @Sendable (Delivery) async -> HTTPResponse.Status = { _ in .ok }) async throws -> WebhookReceiver {
        for _ in 0..<20 {
            let receiver = WebhookReceiver(port: Int.random(in: 30_000...39_999))
            let router = Router()
            router.post("/hook") { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                let delivery = Delivery(
                    id: request.headers[HTTPField.Name("webhook-id")!] ?? "",
                    timestamp: request.headers[HTTPField.Name("webhook-timestamp")!] ?? "",
                    signature: request.headers[HTTPField.Name("webhook-signature")!] ?? "",
                    body: Data(buffer: body), at: .now)
                receiver.deliveries.withLock { $0.append(delivery) }
                return Response(status: await answer(delivery))
            }
            var logger = Logger(label: "receiver")
            logger.logLevel = .critical
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: receiver.port)), logger: logger)
            let running = Task { try await app.runService() }
            receiver.task.withLock { $0 = running }
            for _ in 0..<50 {
                if let socket = LoopbackSocket.connect(port: receiver.port) {
                    close(socket)
                    return receiver
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            running.cancel()
        }
        throw ReceiverDidNotStart()
    }

    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = await running?.result
    }

    struct ReceiverDidNotStart: Error {}
}
