/// A word from a fixed vocabulary (`ssn`, `llc`, `passport`…) that still decodes
/// when the word is unknown. Decoding never fails on an unexpected word, so
/// validation can report it with a pointer alongside every other problem
/// instead of the whole request failing on the first bad enum.
public protocol OpenVocabulary: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String {
    init(rawValue: String)
    /// Every word the contract accepts, in the contract's order.
    static var known: [Self] { get }
}

extension OpenVocabulary {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var isKnown: Bool { Self.known.contains(self) }
    public var description: String { rawValue }
    static var knownList: String { known.map(\.rawValue).joined(separator: ", ") }
}

/// `individual` or `business`; fixed at creation.
public enum CustomerType: String, Codable, Hashable, Sendable, CaseIterable {
    case individual
    case business
}

/// The kind of a tax identification number; which kinds a country takes is `TaxIdentificationTypes`.
public struct TaxIdentificationNumberType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ssn: Self = "ssn"
    public static let itin: Self = "itin"
    public static let passport: Self = "passport"
    public static let nationalId: Self = "national_id"
    public static let cpf: Self = "cpf"
    public static let other: Self = "other"
    public static var known: [Self] { TaxIdentificationTypes.vocabulary }
}

/// What a business representative is; SpherePay knows only individuals, and requires the word.
public struct RepresentativeType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let individual: Self = "individual"
    public static let known: [Self] = [.individual]
}

public struct EntityType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let corporation: Self = "corporation"
    public static let llc: Self = "llc"
    public static let partnership: Self = "partnership"
    public static let soleProprietorship: Self = "sole_proprietorship"
    public static let trust: Self = "trust"
    public static let other: Self = "other"
    public static let known: [Self] = [.corporation, .llc, .partnership, .soleProprietorship, .trust, .other]
}

/// The role of a business address.
public struct AddressType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let registered: Self = "registered"
    public static let operating: Self = "operating"
    public static let known: [Self] = [.registered, .operating]
}

public struct RepresentativeRole: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ubo: Self = "ubo"
    public static let director: Self = "director"
    public static let controlPerson: Self = "control_person"
    public static let signer: Self = "signer"
    public static let known: [Self] = [.ubo, .director, .controlPerson, .signer]
}

/// Whose document it is: the customer's own or one of its business representatives'.
public struct DocumentTarget: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let customer: Self = "customer"
    public static let businessRepresentative: Self = "business_representative"
    public static let known: [Self] = [.customer, .businessRepresentative]
}

public struct DocumentSide: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let front: Self = "front"
    public static let back: Self = "back"
    public static let known: [Self] = [.front, .back]
}

/// A reviewer's verdict on one document.
public struct DocumentReviewDecision: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let accepted: Self = "accepted"
    public static let rejected: Self = "rejected"
    public static let known: [Self] = [.accepted, .rejected]
}

/// A reviewer's verdict on a whole verification profile.
public struct ProfileDecisionKind: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let approved: Self = "approved"
    public static let rejected: Self = "rejected"
    public static let known: [Self] = [.approved, .rejected]
}
