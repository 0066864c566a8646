import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every hash chain and check the seals; exit 1 naming the first event that does not match.",
        discussion: """
            Against the database, or with --from-file against an export of `customers audit export` and no database. \
            The latest seal is checked against --public-key, else against the public half of \
            $CUSTOMERS_AUDIT_SIGNING_KEY when set, else only against the key stored with it.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Only these customers (customer_…); all streams when none.") var customers: [CustomerID] = []
    @Option(name: .customLong("from-file"), help: "An export to check instead of the database.") var file: String?
    @Option(name: .customLong("public-key"), help: "The base64 public key the seals must be signed with.") var publicKey: String?

    func run() async throws {
        let trusted = try trustedKey()
        let report: AuditReport
        if let file {
            guard customers.isEmpty else { throw ValidationError("--from-file checks the whole export: name no customer") }
            let progress = ProgressReporter(label: "audit verify", total: nil)
            report = try AuditExport.verify(lines: try FileLines(path: file), trustedKey: trusted, progress: progress.update)
            progress.finish(report.chain.events)
        } else {
            let streams = customers.isEmpty ? nil : customers.map(\.rawValue)
            report = try await database.withStore { store in
                let verifier = AuditVerifier(store: store)
                let progress = ProgressReporter(label: "audit verify", total: try await verifier.eventCount(of: streams))
                let report = try await verifier.verify(streams: streams, trustedKey: trusted, progress: progress.update)
                progress.finish(report.chain.events)
                return report
            }
        }
        for line in report.lines { print(line) }
        guard report.isIntact else { throw ExitCode.failure }
    }

    private func trustedKey() throws -> AuditPublicKey? {
        if let publicKey { return try AuditPublicKey(base64: publicKey) }
        do {
            return try AuditSigningKey.fromEnvironment().publicKey
        } catch AuditSigningKey.Problem.missing {
            return nil
        }
    }
}
