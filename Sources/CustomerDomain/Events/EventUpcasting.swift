import JSON

/// Rewrites stored JSON of an old schema version into the current shape, one version step at a
/// time, before it is decoded. Stored events are never changed in place; they are upcast each
/// time they are read.
enum EventUpcasting {
    /// One step: the rewrite that takes `type` from `version` to `version + 1`.
    struct Step: Hashable {
        let type: String
        let version: Int
    }

    static let steps: [Step: @Sendable (inout [String: JSONTree]) -> Void] = [
        Step(type: "IndividualCustomerCreated", version: 1): splitAddressLines,
        Step(type: "BusinessCustomerCreated", version: 1): splitAddressLines,
        Step(type: "IndividualCustomerUpdated", version: 1): splitAddressLines,
        Step(type: "BusinessRepresentativeAdded", version: 1): splitAddressLines,
        Step(type: "BusinessRepresentativeAdded", version: 2): representativesAreIndividuals,
        Step(type: "BusinessRepresentativeUpdated", version: 1): splitAddressLines,
    ]

    /// `data` (an object) in the shape of schema version `current`.
    static func upcast(type: String, from version: Int, to current: Int, data: JSONTree) -> JSONTree {
        guard version < current, case .object(var object) = data else { return data }
        for step in version..<current {
            steps[Step(type: type, version: step)]?(&object)
        }
        return .object(object)
    }

    /// Schema 1 had no `line2`: a second address line was stored inside `line1` after a line
    /// break. Schema 2 moves it into `line2`.
    @Sendable static func splitAddressLines(_ event: inout [String: JSONTree]) {
        if case .object(let address)? = event["address"] {
            event["address"] = .object(splittingLines(of: address))
        }
        if case .array(let addresses)? = event["addresses"] {
            event["addresses"] = .array(addresses.map { address in
                guard case .object(let members) = address else { return address }
                return .object(splittingLines(of: members))
            })
        }
    }

    /// Schema 3 records the representative's `type`; before it every representative was a person.
    @Sendable static func representativesAreIndividuals(_ event: inout [String: JSONTree]) {
        if event["type"] == nil { event["type"] = .string("individual") }
    }

    private static func splittingLines(of address: [String: JSONTree]) -> [String: JSONTree] {
        guard address["line2"] == nil, case .string(let line1)? = address["line1"],
              let lineBreak = line1.firstIndex(of: "\n")
        else { return address }
        var upcast = address
        upcast["line1"] = .string(String(line1[..<lineBreak]).trimmingCharacters(in: .whitespaces))
        let rest = line1[line1.index(after: lineBreak)...].trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { upcast["line2"] = .string(rest) }
        return upcast
    }
}
