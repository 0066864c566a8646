import EventStore
import Foundation

func event(_ type: String = "Happened", _ payload: String = "x") -> NewEvent {
    NewEvent(type: type, data: Data(#"{"payload":"\#(payload)"}"#.utf8))
}

let testMetadata = EventMetadata(commandId: "c-1", commandType: "Test", actor: "tests", requestId: "r-1")

extension RecordedEvent {
    /// The `payload` field of a fixture event.
    var payload: String? {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["payload"] as? String
    }
}
