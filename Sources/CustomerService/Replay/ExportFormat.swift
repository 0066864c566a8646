import JSON
import Foundation

/// The JSON Lines form of a customer's stream (`customers export`): one
/// logged event per line, oldest first, with sorted keys so that the same
/// stream always exports to the same bytes.
public enum ExportFormat {
    /// One line for `event`, without the line break.
    public static func line(for event: LoggedEvent) -> String {
        do {
            return String(decoding: try CanonicalJSON.encode(event), as: UTF8.self)
        } catch {
            // A logged event holds strings, integers and parsed JSON, which the tree
            // encoder always encodes; reaching this line is a bug here.
            preconditionFailure("logged event \(event.streamId)@\(event.version) could not be encoded: \(error)")
        }
    }

    /// The whole file for `events`: one line each, every line ending in a line break.
    public static func text(for events: [LoggedEvent]) -> String {
        events.map { line(for: $0) + "\n" }.joined()
    }

    /// Reads an export: blank lines are ignored; every other line must be one
    /// event, all of one stream, with versions 1, 2, 3… in order, so that a
    /// replay from the file sees the whole stream and nothing else.
    public static func read(_ text: String) throws(ExportFileError) -> [LoggedEvent] {
        let decoder = JSONTreeDecoder()
        var events: [LoggedEvent] = []
        // Lines end at U+000A alone: JSON strings may hold other line
        // separators (U+2028) unescaped, and `\r` is trimmed as whitespace.
        for (index, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let content = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty { continue }
            let event: LoggedEvent
            do {
                guard case .success(let tree) = JSONTree.parse(Array(content.utf8)), case .object = tree else {
                    throw ExportFileError.malformedLine(line: lineNumber, reason: "not a JSON object")
                }
                event = try decoder.decode(LoggedEvent.self, from: tree)
            } catch let error as ExportFileError {
                throw error
            } catch {
                throw .malformedLine(line: lineNumber, reason: reason(error))
            }
            if let first = events.first, event.streamId != first.streamId {
                throw .mixedStreams(line: lineNumber, expected: first.streamId, found: event.streamId)
            }
            let expectedVersion = Int64(events.count + 1)
            guard event.version == expectedVersion else {
                throw .versionOutOfOrder(line: lineNumber, expected: expectedVersion, found: event.version)
            }
            events.append(event)
        }
        return events
    }

    /// A short, readable cause for a line that is not a logged event.
    private static func reason(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        switch decodingError {
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}

/// Why an export file cannot be replayed.
public enum ExportFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedLine(line: Int, reason: String)
    case mixedStreams(line: Int, expected: String, found: String)
    case versionOutOfOrder(line: Int, expected: Int64, found: Int64)

    public var line: Int {
        switch self {
        case .malformedLine(let line, _), .mixedStreams(let line, _, _), .versionOutOfOrder(let line, _, _): line
        }
    }

    public var description: String {
        switch self {
        case .malformedLine(let line, let reason):
            "Line \(line) is not a logged event: \(reason)."
        case .mixedStreams(let line, let expected, let found):
            "Line \(line) belongs to stream \(found), but the file is the export of stream \(expected)."
        case .versionOutOfOrder(let line, let expected, let found):
            "Line \(line) holds version \(found) where version \(expected) was expected; an export holds the whole stream in order."
        }
    }
}
