import EventStore
import Foundation

/// What `audit verify` found: the chains, the seals, and what the summary rests on.
public struct AuditReport: Sendable {
    public enum KeyTrust: Sendable {
        /// The latest seal was checked against a key given from outside the database.
        case given(AuditPublicKey)
        /// Only against the key stored beside the seals: proves the chains, not who sealed.
        case stored
    }

    public let chain: ChainVerifier.Report
    public let sealProblems: [SealProblem]
    public let latestSeal: SealRecord?
    public let keyTrust: KeyTrust

    public var isIntact: Bool { chain.findings.isEmpty && sealProblems.isEmpty }

    /// The report as the command line prints it: the summary, then every finding, first first.
    public var lines: [String] {
        var lines: [String] = []
        if isIntact {
            lines.append("intact: \(chain.events) events in \(chain.streams) streams, every hash chain holds")
        } else {
            let count = chain.findings.count + sealProblems.count
            lines.append("NOT INTACT: \(count) finding\(count == 1 ? "" : "s") in \(chain.events) events of \(chain.streams) streams")
            if let first = chain.findings.first { lines.append("first event that does not match: \(first)") }
        }
        if let seal = latestSeal {
            let trust = switch keyTrust {
            case .given(let key): "signed by the trusted key \(key)"
            case .stored: "signed by the key stored with it, \(seal.publicKeyBase64) (pass --public-key to check it is yours)"
            }
            lines.append("latest seal \(seal.sealId), sealed at \(seal.sealedAt) up to transaction \(seal.fenceTransactionId): "
                + "\(seal.eventCount) events in \(seal.streamCount) streams, root \(seal.rootHex), \(trust)")
        } else {
            lines.append("no seal yet: the chains prove each stream's order and content, not that no stream was rewritten whole")
        }
        if chain.unsealedEvents > 0 {
            lines.append("unsealed (written after the latest seal, not an error): \(chain.unsealedEvents) events"
                + (chain.unsealedStreams > 0 ? ", \(chain.unsealedStreams) streams never sealed" : ""))
        }
        // Every finding, unless the only one is the first already named.
        if sealProblems.count + chain.findings.count > 1 || !sealProblems.isEmpty {
            lines += sealProblems.map { "  \($0)" }
            lines += chain.findings.map { "  \($0)" }
        }
        return lines
    }
}
