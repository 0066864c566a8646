import Foundation
import JSON

/// Why stored event data could not be read back.
public enum EventDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownType(String)
    case unsupportedSchemaVersion(type: String, schemaVersion: Int)
    case malformedData(type: String, schemaVersion: Int, reason: String)

    public var description: String {
        switch self {
        case .unknownType(let type):
            "Unknown event type \(type)."
        case .unsupportedSchemaVersion(let type, let version):
            "\(type) has no schema version \(version); this build reads up to \(CustomerEvent.schemaVersions[type] ?? 0)."
        case .malformedData(let type, let version, let reason):
            "\(type) (schema \(version)) could not be decoded: \(reason)"
        }
    }
}

extension CustomerEvent {
    /// The current schema version of each event type. Raise a type's version
    /// whenever its JSON changes shape, and add an upcaster from the old one.
    public static let schemaVersions: [String: Int] = [
        "IndividualCustomerCreated": 2,
        "BusinessCustomerCreated": 2,
        "IndividualCustomerUpdated": 2,
        "BusinessRepresentativeAdded": 3,
        "BusinessRepresentativeUpdated": 2,
        "BusinessRepresentativeRemoved": 1,
        "DocumentUploaded": 1,
        "DocumentReviewed": 1,
        "VerificationProfileStatusChanged": 1,
        "PersonalDataErased": 1,
        "LegalHoldPlaced": 1,
        "LegalHoldReleased": 1,
    ]

    public var schemaVersion: Int { Self.schemaVersions[type] ?? 1 }

    /// The event as stored: its type, its schema version and its data as canonical JSON, so the
    /// same event always gives the same bytes and replays can be compared byte for byte. The
    /// personal fields are written as the event holds them: seal them first
    /// (`mappingPersonalFields`) for the log.
    public func encoded() -> (type: String, schemaVersion: Int, data: Data) {
        do {
            return (type, schemaVersion, Data(try Self.encoder.canonicalBytes(payload)))
        } catch {
            preconditionFailure("event payload \(type) could not be encoded: \(error)")
        }
    }

    /// The event's data as a JSON value.
    public var tree: JSONTree {
        do {
            return try Self.encoder.encode(payload)
        } catch {
            // Every payload holds strings, numbers and containers of them, which the tree
            // encoder always encodes; reaching this line is a bug here.
            preconditionFailure("event payload \(type) could not be encoded: \(error)")
        }
    }

    /// Reads stored event data, first upcasting it from an older schema version to the current
    /// one. Personal fields come back as stored: open them (`mappingPersonalFields`) after.
    public static func decode(type: String, schemaVersion: Int, data: Data) throws(EventDecodingError) -> CustomerEvent {
        guard let current = schemaVersions[type] else { throw .unknownType(type) }
        guard (1...current).contains(schemaVersion) else {
            throw .unsupportedSchemaVersion(type: type, schemaVersion: schemaVersion)
        }
        guard case .success(let stored) = JSONTree.parse(Array(data)), case .object = stored else {
            throw .malformedData(type: type, schemaVersion: schemaVersion, reason: "the data is not a JSON object")
        }
        let upcast = EventUpcasting.upcast(type: type, from: schemaVersion, to: current, data: stored)
        do {
            return try decodeCurrent(type: type, tree: upcast)
        } catch {
            throw .malformedData(type: type, schemaVersion: schemaVersion, reason: String(describing: error))
        }
    }

    private static let encoder = JSONTreeEncoder()

    private static func decodeCurrent(type: String, tree: JSONTree) throws -> CustomerEvent {
        let decoder = JSONTreeDecoder()
        switch type {
        case "IndividualCustomerCreated": return .individualCustomerCreated(try decoder.decode(IndividualCustomerCreated.self, from: tree))
        case "BusinessCustomerCreated": return .businessCustomerCreated(try decoder.decode(BusinessCustomerCreated.self, from: tree))
        case "IndividualCustomerUpdated": return .individualCustomerUpdated(try decoder.decode(IndividualCustomerUpdated.self, from: tree))
        case "BusinessRepresentativeAdded": return .businessRepresentativeAdded(try decoder.decode(BusinessRepresentativeAdded.self, from: tree))
        case "BusinessRepresentativeUpdated": return .businessRepresentativeUpdated(try decoder.decode(BusinessRepresentativeUpdated.self, from: tree))
        case "BusinessRepresentativeRemoved": return .businessRepresentativeRemoved(try decoder.decode(BusinessRepresentativeRemoved.self, from: tree))
        case "DocumentUploaded": return .documentUploaded(try decoder.decode(DocumentUploaded.self, from: tree))
        case "DocumentReviewed": return .documentReviewed(try decoder.decode(DocumentReviewed.self, from: tree))
        case "VerificationProfileStatusChanged": return .verificationProfileStatusChanged(try decoder.decode(VerificationProfileStatusChanged.self, from: tree))
        case "PersonalDataErased": return .personalDataErased(try decoder.decode(PersonalDataErased.self, from: tree))
        case "LegalHoldPlaced": return .legalHoldPlaced(try decoder.decode(LegalHoldPlaced.self, from: tree))
        case "LegalHoldReleased": return .legalHoldReleased(try decoder.decode(LegalHoldReleased.self, from: tree))
        default: throw EventDecodingError.unknownType(type)
        }
    }

    /// The payload, for encoding.
    private var payload: any Encodable {
        switch self {
        case .individualCustomerCreated(let event): event
        case .businessCustomerCreated(let event): event
        case .individualCustomerUpdated(let event): event
        case .businessRepresentativeAdded(let event): event
        case .businessRepresentativeUpdated(let event): event
        case .businessRepresentativeRemoved(let event): event
        case .documentUploaded(let event): event
        case .documentReviewed(let event): event
        case .verificationProfileStatusChanged(let event): event
        case .personalDataErased(let event): event
        case .legalHoldPlaced(let event): event
        case .legalHoldReleased(let event): event
        }
    }
}
