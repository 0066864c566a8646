import ArgumentParser
import CustomerService
import Foundation

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the master key that protects the customers' data keys.",
        subcommands: [RotateMaster.self])

    struct RotateMaster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-master",
            abstract: "Move every customer key, webhook secret and email index to a new master key, while serving goes on.",
            discussion: """
                The current key comes from CUSTOMERS_MASTER_KEY (or _FILE). Keys are rewrapped in batches; after \
                a crash, run the command again and it goes on. When it ends, restart every process with the new key: \
                one started with the old key stops, saying it was rotated away.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "A file holding the new master key (base64 of 32 random bytes).") var newKeyFile: String
        @Option(help: "Customer keys rewrapped per transaction.") var batchSize = 500

        func run() async throws {
            let current = try MasterKey.fromEnvironment()
            let new: MasterKey
            do {
                new = try MasterKey(base64: try String(contentsOfFile: newKeyFile, encoding: .utf8))
            } catch let problem as MasterKey.Problem {
                throw CommandFailure("--new-key-file \(newKeyFile): \(problem)")
            } catch {
                throw CommandFailure("cannot read --new-key-file \(newKeyFile): \(error.localizedDescription)")
            }
            try await database.withStore { store in
                let progress = ProgressReporter(label: "rotate-master", total: nil, unit: "keys")
                let summary = try await MasterKeyRotation(store: store, current: current, new: new)
                    .run(batchSize: max(1, batchSize), progress: progress.update)
                if summary.alreadyRotated {
                    print("the database is already on the new master key: nothing to do")
                    return
                }
                progress.finish(summary.customerKeys)
                print("""
                    rotated to the new master key: \(summary.customerKeys) customer keys, \(summary.webhookSecrets) webhook secrets, \
                    \(summary.emailReservations) email reservations re-indexed\
                    \(summary.unindexedReservations > 0 ? " (\(summary.unindexedReservations) without a customer row left as they were)" : "")
                    restart every process with CUSTOMERS_MASTER_KEY set to the new key
                    """)
            }
        }
    }
}
