import CustomerDomain
import Foundation

extension LoggedEvent {
    /// The same logged event with every tax identification number in its
    /// data hidden, for an export that leaves the service's hands. Replay
    /// prints the same text from it, since no view shows the number.
    public func masked() throws(UndecodableEvent) -> LoggedEvent {
        var copy = self
        copy.data = try decoded().masked.encoded().data
        return copy
    }
}
