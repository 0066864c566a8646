import ArgumentParser
import CustomerDomain
import CustomerService
import Foundation

struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log's streams with their hashes, and the seals, for `audit verify --from-file`.",
        discussion: "customers audit export --output audit.jsonl; customers audit verify --from-file audit.jsonl --public-key …")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Only these customers (customer_…); all streams when none.") var customers: [CustomerID] = []
    @Option(help: "The file to write (default: standard output).") var output: String?

    func run() async throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) , let file = FileHandle(forWritingAtPath: output) else {
                throw CommandFailure("cannot write \(output)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        let streams = customers.isEmpty ? nil : customers.map(\.rawValue)
        try await database.withStore { store in
            let progress = ProgressReporter(label: "audit export", total: try await store.eventCount(of: streams))
            let written = try await AuditExport.write(from: store, streams: streams, progress: progress.update) { try handle.write(contentsOf: $0) }
            progress.finish(written)
        }
        try handle.close()
    }
}
