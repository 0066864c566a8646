import EventStore
import Logging
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
                        await ProjectorRunner(projector: projector, store: store).run { error in
                            logger.error("projector failed", metadata: ["projector": "\(projector.name)", "error": "\(error)"])
                        }
                    }
                }
            }
        }
        await listener.stop()
    }
}
