import CustomerService
import EventStore
import Logging
import ServiceLifecycle

/// `serve --seal-every`: seals the log on an interval, so "everything up to here is as it was"
/// never lags far behind. A refusal (the log changed under an earlier seal) is logged as an
/// error and tried again next time; it never stops the service.
struct SealService: Service {
    let sealer: AuditSealer
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                do {
                    let outcome = try await sealer.seal()
                    if case .sealed(let seal, let moved) = outcome {
                        logger.info("sealed the log", metadata: [
                            "seal": "\(seal.sealId)", "events": "\(seal.eventCount)", "streams": "\(seal.streamCount)",
                            "moved": "\(moved)", "root": "\(seal.rootHex)",
                        ])
                    }
                } catch {
                    logger.error("could not seal the log", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
