import Foundation

/// Rewrites stored JSON of an old schema version into the current shape, one
/// version step at a time, before it is decoded. Stored events are never
/// changed in place; they are upcast each time they are read.
enum EventUpcasting {
    typealias JSONObject = [String: Any]

    /// One step: the rewrite that takes `type` from `version` to `version + 1`.
    struct Step: Hashable {
        let type: String
        let version: Int
    }

    static let steps: [Step: @Sendable (inout JSONObject) -> Void] = [
        Step(type: "IndividualCustomerCreated", version: 1): splitAddressLines,
        Step(type: "BusinessCustomerCreated", version: 1): splitAddressLines,
        Step(type: "IndividualCustomerUpdated", version: 1): splitAddressLines,
        Step(type: "BusinessRepresentativeAdded", version: 1): splitAddressLines,
        Step(type: "BusinessRepresentativeUpdated", version: 1): splitAddressLines,
    ]

    static func upcast(type: String, from version: Int, to current: Int, data: Data) throws(EventDecodingError) -> Data {
        guard version < current else { return data }
        do {
            guard var object = try JSONSerialization.jsonObject(with: data) as? JSONObject else {
                throw EventDecodingError.malformedData(type: type, schemaVersion: version, reason: "the data is not a JSON object")
            }
            for step in version..<current {
                steps[Step(type: type, version: step)]?(&object)
            }
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        } catch let error as EventDecodingError {
            throw error
        } catch {
            throw .malformedData(type: type, schemaVersion: version, reason: String(describing: error))
        }
    }

    /// Schema 1 had no `line2`: a second address line was stored inside
    /// `line1` after a line break. Schema 2 moves it into `line2`.
    @Sendable static func splitAddressLines(_ event: inout JSONObject) {
        if let address = event["address"] as? JSONObject {
            event["address"] = splittingLines(of: address)
        }
        if let addresses = event["addresses"] as? [JSONObject] {
            event["addresses"] = addresses.map(splittingLines(of:))
        }
    }

    private static func splittingLines(of address: JSONObject) -> JSONObject {
        guard address["line2"] == nil, let line1 = address["line1"] as? String,
              let lineBreak = line1.firstIndex(of: "\n")
        else { return address }
        var upcast = address
        upcast["line1"] = String(line1[..<lineBreak]).trimmingCharacters(in: .whitespaces)
        let rest = line1[line1.index(after: lineBreak)...].trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { upcast["line2"] = rest }
        return upcast
    }
}
