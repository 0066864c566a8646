import ArgumentParser
import CustomerService
import CustomerDomain
import Foundation

struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks", abstract: "Inspect webhook subscriptions and their deliveries.", subcommands: [Status.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each subscription: its backlog, the age of its oldest undelivered notification, last success and failure.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withStore { store in
                let backlogs = try await WebhookDeliveries(store: store).backlogs()
                if backlogs.isEmpty { print("no webhook subscriptions") }
                for backlog in backlogs {
                    let age = backlog.oldestWaitingSince.map { String(format: "%.0f s", Date().timeIntervalSince($0)) } ?? "-"
                    print([
                        backlog.subscription, backlog.enabled ? "enabled" : "disabled", backlog.url,
                        "backlog \(backlog.waiting) (oldest \(age))", "failed \(backlog.failed)",
                        "last success \(backlog.lastDelivered.map { Timestamp($0).iso8601 } ?? "-")",
                        "last failure \(backlog.lastFailure.map { Timestamp($0).iso8601 } ?? "-")",
                    ].joined(separator: "  "))
                }
            }
        }
    }
}
