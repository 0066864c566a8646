import CustomerService
import EventStore
import Logging
import ServiceLifecycle

/// Stops the service once its master key is no longer the database's (a rotation moved to a new
/// one): it could open no customer's data and must be restarted with the new key. Checked every
/// few seconds; a database that does not answer is the readiness check's business, not this.
struct MasterKeyWatch: Service {
    let vault: PersonalDataVault
    let store: EventStore
    let logger: Logger
    var interval: Duration = .seconds(5)

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                do {
                    try await vault.checkMasterKey(on: store)
                } catch let error as PersonalDataError {
                    logger.critical("stopping: \(error)")
                    throw error
                } catch {
                    continue
                }
            }
        }
    }
}
