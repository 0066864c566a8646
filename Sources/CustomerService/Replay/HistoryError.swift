import Foundation

/// Why a question about a stream's past cannot be answered: the version or
/// time asked for lies outside the stream, or an event cannot be read.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Versions start at 1.
    case versionBelowOne(requested: Int64)
    case versionBeyondStream(requested: Int64, latest: Int64)
    /// Nothing was recorded at or before the requested time; `firstRecordedAt`
    /// is nil when the stream is empty.
    case timeBeforeFirstEvent(requested: Date, firstRecordedAt: Date?)
    case undecodable(UndecodableEvent)

    public var description: String {
        switch self {
        case .versionBelowOne(let requested):
            "Version \(requested) does not exist: versions start at 1."
        case .versionBeyondStream(let requested, let latest):
            "Version \(requested) does not exist yet: the stream's latest version is \(latest)."
        case .timeBeforeFirstEvent(let requested, let first?):
            "Nothing was recorded by \(RecordedTime.microseconds(requested)): the first event was recorded at \(RecordedTime.microseconds(first))."
        case .timeBeforeFirstEvent(let requested, nil):
            "Nothing was recorded by \(RecordedTime.microseconds(requested)): the stream is empty."
        case .undecodable(let error):
            error.description
        }
    }
}
