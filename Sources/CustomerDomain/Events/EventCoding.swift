import Foundation

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
        "BusinessRepresentativeAdded": 2,
        "BusinessRepresentativeUpdated": 2,
        "BusinessRepresentativeRemoved": 1,
        "DocumentUploaded": 1,
        "DocumentReviewed": 1,
        "VerificationProfileStatusChanged": 1,
        "PersonalDataErased": 1,
    ]

    public var schemaVersion: Int { Self.schemaVersions[type] ?? 1 }

    /// The event as stored: its type, its schema version and its data as JSON
    /// with sorted keys, so the same event always gives the same bytes and
    /// replays can be compared byte for byte.
    ///
    /// With a cipher, the personal fields are stored sealed by it.
    public func encoded(sealingWith cipher: (any PersonalDataCipher)? = nil) throws -> (type: String, schemaVersion: Int, data: Data) {
        (type, schemaVersion, try encodedData(cipher))
    }

    /// The event as plain canonical JSON, for output (no cipher can fail here).
    public func encoded() -> (type: String, schemaVersion: Int, data: Data) {
        do {
            return try encoded(sealingWith: nil)
        } catch {
            // Without a cipher only JSONEncoder could throw, and it fails only on non-finite
            // numbers, which the encoder writes as strings. Reaching this line is a bug here.
            preconditionFailure("event payload \(type) could not be encoded: \(error)")
        }
    }

    /// Reads stored event data, first upcasting it from an older schema
    /// version to the current one.
    /// With a cipher, sealed personal fields are opened by it.
    public static func decode(
        type: String, schemaVersion: Int, data: Data, opening cipher: (any PersonalDataCipher)? = nil
    ) throws(EventDecodingError) -> CustomerEvent {
        guard let current = schemaVersions[type] else { throw .unknownType(type) }
        guard (1...current).contains(schemaVersion) else {
            throw .unsupportedSchemaVersion(type: type, schemaVersion: schemaVersion)
        }
        let upcast = try EventUpcasting.upcast(type: type, from: schemaVersion, to: current, data: data)
        do {
            return try decodeCurrent(type: type, data: upcast, cipher: cipher)
        } catch {
            throw .malformedData(type: type, schemaVersion: schemaVersion, reason: String(describing: error))
        }
    }

    private static func decodeCurrent(type: String, data: Data, cipher: (any PersonalDataCipher)?) throws -> CustomerEvent {
        let decoder = JSONDecoder()
        if let cipher { decoder.userInfo[PersonalData.cipherKey] = cipher }
        switch type {
        case "IndividualCustomerCreated": return .individualCustomerCreated(try decoder.decode(IndividualCustomerCreated.self, from: data))
        case "BusinessCustomerCreated": return .businessCustomerCreated(try decoder.decode(BusinessCustomerCreated.self, from: data))
        case "IndividualCustomerUpdated": return .individualCustomerUpdated(try decoder.decode(IndividualCustomerUpdated.self, from: data))
        case "BusinessRepresentativeAdded": return .businessRepresentativeAdded(try decoder.decode(BusinessRepresentativeAdded.self, from: data))
        case "BusinessRepresentativeUpdated": return .businessRepresentativeUpdated(try decoder.decode(BusinessRepresentativeUpdated.self, from: data))
        case "BusinessRepresentativeRemoved": return .businessRepresentativeRemoved(try decoder.decode(BusinessRepresentativeRemoved.self, from: data))
        case "DocumentUploaded": return .documentUploaded(try decoder.decode(DocumentUploaded.self, from: data))
        case "DocumentReviewed": return .documentReviewed(try decoder.decode(DocumentReviewed.self, from: data))
        case "VerificationProfileStatusChanged": return .verificationProfileStatusChanged(try decoder.decode(VerificationProfileStatusChanged.self, from: data))
        case "PersonalDataErased": return .personalDataErased(try decoder.decode(PersonalDataErased.self, from: data))
        default: throw EventDecodingError.unknownType(type)
        }
    }

    private func encodedData(_ cipher: (any PersonalDataCipher)?) throws -> Data {
        let encoder = CustomerEvent.makeEncoder()
        if let cipher { encoder.userInfo[PersonalData.cipherKey] = cipher }
        switch self {
        case .individualCustomerCreated(let event): return try encoder.encode(event)
        case .businessCustomerCreated(let event): return try encoder.encode(event)
        case .individualCustomerUpdated(let event): return try encoder.encode(event)
        case .businessRepresentativeAdded(let event): return try encoder.encode(event)
        case .businessRepresentativeUpdated(let event): return try encoder.encode(event)
        case .businessRepresentativeRemoved(let event): return try encoder.encode(event)
        case .documentUploaded(let event): return try encoder.encode(event)
        case .documentReviewed(let event): return try encoder.encode(event)
        case .verificationProfileStatusChanged(let event): return try encoder.encode(event)
        case .personalDataErased(let event): return try encoder.encode(event)
        }
    }

    /// Sorted keys and unescaped slashes: one canonical form per event.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        return encoder
    }
}
