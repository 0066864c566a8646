import Crypto
import CustomerDomain
import Foundation

/// The identity of the criteria tables this binary decides with: `sha256:` and the hex of
/// SHA-256 over `ProfileTables.rulesText`. Every status change records it.
public enum RulesVersion {
    public static let current: String = "sha256:" + Data(SHA256.hash(data: Data(ProfileTables.rulesText.utf8))).hex
}
