import ArgumentParser
import CustomerService
import EventStore
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Prove the log was not edited: seal it, verify its hash chains and seals, export it for an offline check.",
        subcommands: [Seal.self, AuditVerifyCommand.self, AuditExportCommand.self, NewKey.self])

    struct Seal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the Merkle root over every stream's head at the current fence (key: $CUSTOMERS_AUDIT_SIGNING_KEY).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let key = try AuditSigningKey.fromEnvironment()
            try await database.withStore { store in
                print(try await AuditSealer(store: store, key: key).seal().summary)
            }
        }
    }

    struct NewKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-key",
            abstract: "Print a fresh Ed25519 signing key for seals, and its public key for verifiers.")

        func run() async throws {
            let key = AuditSigningKey.generate()
            print("\(AuditSigningKey.environmentVariable)=\(key.base64)")
            print("public key: \(key.publicKey.base64)")
        }
    }
}

extension AuditSealer.Outcome {
    var summary: String {
        switch self {
        case .sealed(let seal, let moved):
            """
            seal \(seal.sealId): \(seal.eventCount) events in \(seal.streamCount) streams (\(moved) moved since the seal before), \
            every transaction before \(seal.fenceTransactionId), sealed at \(seal.sealedAt)
            root \(seal.rootHex)
            public key \(seal.publicKeyBase64)
            """
        case .nothingNew(let latest?):
            "nothing written since seal \(latest.sealId) (sealed at \(latest.sealedAt)): no new seal"
        case .nothingNew(nil):
            "the log has no event below the fence yet: nothing to seal"
        }
    }
}
