import CustomerService
import Logging
import ServiceLifecycle

/// Delivers webhooks until graceful shutdown. Several instances may run it: they share the
/// deliveries through row locks and leases (see `WebhookDispatcher`).
struct WebhookService: Service {
    let dispatcher: WebhookDispatcher
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await dispatcher.run { error in
                logger.error("webhook delivery failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
