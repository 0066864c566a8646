/// What the writer believes about a stream's version when it appends.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's version is (creating it if needed).
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must be exactly at this version (≥ 1).
    case exactly(Int64)

    /// The encoding `append_events` takes: -1 any, 0 no stream, n exact.
    var databaseValue: Int64 {
        switch self {
        case .any: -1
        case .noStream: 0
        case .exactly(let version): version
        }
    }

    /// The version a writer that read `version` (nil: no stream) expects.
    public static func after(_ version: Int64?) -> ExpectedVersion {
        guard let version, version > 0 else { return .noStream }
        return .exactly(version)
    }

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream"
        case .exactly(let version): "\(version)"
        }
    }
}
