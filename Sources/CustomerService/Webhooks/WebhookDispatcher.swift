import AsyncHTTPClient
import EventStore
import Foundation
import Metrics
import NIOCore
import NIOHTTP1

/// Delivers notifications to their subscriptions: schedules new ones, claims due deliveries
/// (shared with every other instance through row locks and leases), signs and POSTs each, and
/// records how it went. Each delivery runs on its own, at most `concurrency` at once and at
/// most `perSubscription` per subscription, so a slow or dead endpoint holds only its own slots.
public struct WebhookDispatcher: Sendable {
    public struct Options: Sendable {
        public var concurrency = 32
        public var perSubscription = 16
        /// How long a receiver has to answer.
        public var timeout = Duration.seconds(10)
        /// How long a claimed delivery is a worker's alone; longer than the timeout, so it is
        /// never sent twice at the same time.
        public var lease = Duration.seconds(30)
        /// The longest pause between two looks for due deliveries.
        public var pollInterval = Duration.milliseconds(250)

        public init() {}
    }

    let store: EventStore
    let deliveries: WebhookDeliveries
    let subscriptions: WebhookSubscriptions
    let renderer: NotificationRenderer
    let options: Options

    public init(services: CustomerServices, options: Options = Options()) {
        store = services.store
        deliveries = services.deliveries
        subscriptions = services.subscriptions
        renderer = NotificationRenderer(history: services.history)
        self.options = options
    }

    /// Runs until the task is cancelled; `onError` hears of every failure of its own (a
    /// receiver's failure is an attempt, recorded, not an error).
    public func run(onError: @escaping @Sendable (any Error) -> Void = { _ in }) async {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(Int64(RetrySchedule.seconds(options.timeout))), read: .seconds(Int64(RetrySchedule.seconds(options.timeout)))))
        configuration.decompression = .disabled
        // The client's default, 8 connections per host, would cap a subscription below its slots.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = options.concurrency
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let inFlight = InFlight()
        // Rung when a delivery ends (its customer's next may go, its slot is free) and when
        // events are appended (their notifications follow).
        let doorbell = WakeUpSignal()
        await withDiscardingTaskGroup { group in
            group.addTask { await ringOnAppends(doorbell) }
            var appends = await store.appendGeneration()
            var scheduleWait = options.pollInterval
            var nextSchedule = ContinuousClock.now
            while !Task.isCancelled {
                let rung = await doorbell.generation
                var claimed: [ClaimedDelivery] = []
                do {
                    // The outbox writes an append's notifications a moment after it: after an
                    // append, schedule at once and again soon, backing off to the poll interval.
                    let appended = await store.appendGeneration()
                    if appended != appends {
                        appends = appended
                        scheduleWait = Self.firstScheduleWait
                        nextSchedule = min(nextSchedule, .now)
                    }
                    if ContinuousClock.now >= nextSchedule {
                        let made = try await deliveries.scheduleNew()
                        scheduleWait = made > 0 ? Self.firstScheduleWait : min(scheduleWait * 2, options.pollInterval)
                        nextSchedule = .now + scheduleWait
                    }
                    let free = options.concurrency - (await inFlight.count)
                    if free > 0 {
                        claimed = try await deliveries.claim(limit: free, perSubscription: options.perSubscription, lease: options.lease)
                    }
                } catch is CancellationError {
                    break
                } catch {
                    onError(error)
                    nextSchedule = .now + options.pollInterval
                }
                for delivery in claimed {
                    await inFlight.add()
                    group.addTask {
                        do { try await deliver(delivery, with: client) } catch { onError(error) }
                        await inFlight.remove()
                        await doorbell.wake()
                    }
                }
                let untilSchedule = max(nextSchedule - .now, .milliseconds(1))
                await doorbell.wait(seen: rung, timeout: min(untilSchedule, options.pollInterval))
            }
        }
        try? await client.shutdown()
    }

    private static let firstScheduleWait = Duration.milliseconds(10)

    /// Rings `doorbell` whenever events are appended, until cancelled.
    private func ringOnAppends(_ doorbell: WakeUpSignal) async {
        var seen = await store.appendGeneration()
        while !Task.isCancelled {
            await store.waitForAppends(after: seen, timeout: .seconds(1))
            let now = await store.appendGeneration()
            if now != seen {
                seen = now
                await doorbell.wake()
            }
        }
    }

    /// One attempt of one delivery, recorded whatever happens.
    func deliver(_ delivery: ClaimedDelivery, with client: HTTPClient) async throws {
        let notification = delivery.notification
        let secret = try subscriptions.openSecret(delivery.sealedSecret, of: delivery.subscription)
        let body = try await renderer.bodies(of: [notification])[0]
        let started = ContinuousClock.now
        let attemptedAt = Date()
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        let timestamp = Int64(attemptedAt.timeIntervalSince1970)
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "customers-webhooks/1")
        request.headers.add(name: "webhook-id", value: notification.id.rawValue)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature", value: WebhookSignature.sign(
            id: notification.id.rawValue, timestamp: timestamp, body: body, secret: secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        var statusCode: Int?
        var failure: String?
        do {
            let response = try await client.execute(request, timeout: TimeAmount(options.timeout))
            statusCode = Int(response.status.code)
            // Read (and drop) what the receiver says, so the connection can serve the next one.
            _ = try? await response.body.collect(upTo: 64 * 1024)
        } catch {
            failure = Self.describe(error)
        }
        let outcome = DeliveryOutcome(
            attemptedAt: attemptedAt, duration: ContinuousClock.now - started, statusCode: statusCode, error: failure)
        let status = try await deliveries.record(outcome, of: delivery)
        Counter(label: "webhook_deliveries_total", dimensions: [("outcome", status == "pending" ? "retry" : status)]).increment()
        if status == "pending" { Counter(label: "webhook_retries_total").increment() }
        Timer(label: "webhook_delivery_duration_seconds", preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(RetrySchedule.seconds(outcome.duration) * 1e9))
    }

    /// A short, stable description of why no answer came (it is stored with the attempt).
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout:
            "timed out"
        case let error as HTTPClientError:
            String(describing: error).prefix(200).description
        default:
            String(describing: error).prefix(200).description
        }
    }
}

/// How many deliveries this instance is sending.
private actor InFlight {
    private(set) var count = 0
    func add() { count += 1 }
    func remove() { count -= 1 }
}
