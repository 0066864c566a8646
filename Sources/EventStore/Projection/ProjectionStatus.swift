import Foundation

/// Where a projector stands, whatever its kind: one status for `projections status` and the
/// metrics.
public struct ProjectionStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// Written with every command: always current.
        case inline
        /// An asynchronous projector that has not applied its first batch yet.
        case notStarted
        /// An asynchronous projector at its checkpoint, with the committed events after it.
        case tailing(ProjectorCheckpoint, lag: Int64)
    }

    public let name: String
    public let tables: [String]
    public let state: State
}

extension EventStore {
    /// The status of each of `projectors`, in their order.
    public func status(of projectors: [any Projector]) async throws -> [ProjectionStatus] {
        let checkpoints = try await projectorCheckpoints()
        var statuses: [ProjectionStatus] = []
        for projector in projectors {
            let state: ProjectionStatus.State
            switch projector.kind {
            case .inline:
                state = .inline
            case .asynchronous:
                if let checkpoint = checkpoints.first(where: { $0.projector == projector.name }) {
                    state = .tailing(checkpoint, lag: try await eventsAfter(checkpoint.position))
                } else {
                    state = .notStarted
                }
            }
            statuses.append(ProjectionStatus(name: projector.name, tables: projector.tables, state: state))
        }
        return statuses
    }
}
