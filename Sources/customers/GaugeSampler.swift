import CustomerService
import EventStore
import Foundation
import Metrics
import ServiceLifecycle

/// Samples what no request measures: the pool's connections in use and waiters, each
/// asynchronous projector's lag in events and seconds, and each webhook subscription's backlog
/// and the age of its oldest undelivered notification.
struct GaugeSampler: Service {
    let store: EventStore
    let deliveries: WebhookDeliveries
    var interval: Duration = .seconds(5)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sample()
                try? await Task.sleep(for: interval)
            }
        }
    }

    private func sample() async {
        let usage = await store.pool.usage()
        Gauge(label: "db_pool_connections_in_use").record(usage.inUse)
        Gauge(label: "db_pool_waiting").record(usage.waiting)
        Gauge(label: "db_pool_connections_open").record(usage.open)
        guard let checkpoints = try? await store.projectorCheckpoints() else { return }
        for checkpoint in checkpoints {
            let lag = (try? await store.eventsAfter(checkpoint.position)) ?? 0
            let dimensions = [("projector", checkpoint.projector)]
            Gauge(label: "projector_lag_events", dimensions: dimensions).record(lag)
            let seconds = lag > 0 ? Date().timeIntervalSince(checkpoint.updatedAt) : 0
            Gauge(label: "projector_lag_seconds", dimensions: dimensions).record(seconds)
            Gauge(label: "projector_parked", dimensions: dimensions).record(checkpoint.failure == nil ? 0 : 1)
        }
        guard let backlogs = try? await deliveries.backlogs() else { return }
        for backlog in backlogs {
            let dimensions = [("subscription", backlog.subscription)]
            let age = backlog.oldestWaitingSince.map { Date().timeIntervalSince($0) } ?? 0
            Gauge(label: "webhook_oldest_undelivered_seconds", dimensions: dimensions).record(age)
            Gauge(label: "webhook_backlog", dimensions: dimensions).record(backlog.waiting)
        }
    }
}
