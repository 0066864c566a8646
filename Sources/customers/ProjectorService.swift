import EventStore
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Runs every asynchronous projector of this instance until graceful shutdown. Several
/// instances may run it: each batch is applied by one runner (see `ProjectorRunner`).
struct ProjectorService: Service {
    let store: EventStore
    let logger: Logger

    func run() async throws {
        let listener = try await store.listenForAppends()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for projector in ProjectionCatalog.asynchronous {
                    group.addTask {
                        await ProjectorRunner(projector: projector, store: store).run(
                            onRetry: { error, wait in
                                let state: String = if case .failure(let failure)? = error as? EventStoreError { failure.sqlState ?? "connection" } else { "connection" }
                                Metrics.Counter(label: "projector_retries_total", dimensions: [("projector", projector.name), ("sqlstate", state)])
                                    .increment()
                                logger.warning("projector retries", metadata: [
                                    "projector": "\(projector.name)", "sqlstate": "\(state)", "wait_ms": "\(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)",
                                ])
                            },
                            onError: { error in
                                logger.error("projector failed", metadata: ["projector": "\(projector.name)", "error": "\(error)"])
                            })
                    }
                }
            }
        }
        await listener.stop()
    }
}
