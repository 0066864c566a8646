import Foundation

/// One place where the log is not as its hashes and seals say it was: the first event of a
/// stream that does not match, and why.
public struct ChainFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The event's content no longer gives its hash.
        case edited
        /// Events the stream's version, a later event or a seal says existed are gone.
        case removed
        /// The event holds another event's place: its hash is the one it had at another version.
        case reordered
        /// The chain holds together but is not the one a seal signed: rewritten after an edit by
        /// someone without the signing key.
        case recomputed
    }

    public let kind: Kind
    public let streamId: String
    /// The first version that does not match.
    public let version: Int64
    public let detail: String

    public var description: String { "\(streamId) version \(version): \(kind.rawValue): \(detail)" }
}

/// A problem of the seals themselves (as opposed to the events they cover).
public struct SealProblem: Sendable, Equatable, CustomStringConvertible {
    public let sealId: Int64
    public let detail: String

    public var description: String { "seal \(sealId): \(detail)" }
}
