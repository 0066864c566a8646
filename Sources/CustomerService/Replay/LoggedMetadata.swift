import EventStore
import JSON
import Foundation

/// The metadata of a logged event is the event store's own `EventMetadata`; every field is
/// optional, since old events, imports and tools may have written fewer of them.
public typealias LoggedMetadata = EventMetadata

extension EventMetadata {
    /// Reads the metadata JSON; text that is not such an object gives empty metadata.
    public init(json: Data) {
        guard let tree = JSONTree(json: json), let metadata = try? JSONTreeDecoder().decode(EventMetadata.self, from: tree) else {
            self = EventMetadata()
            return
        }
        self = metadata
    }
}
