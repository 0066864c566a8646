/// The kinds of document the contract accepts, and which ones fit which target.
public struct DocumentType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let drivers: Self = "drivers"
    public static let idCard: Self = "id_card"
    public static let passport: Self = "passport"
    public static let residencePermit: Self = "residence_permit"
    public static let livenessReport: Self = "liveness_report"
    public static let incorporationCert: Self = "incorporation_cert"
    public static let shareholderRegistry: Self = "shareholder_registry"
    public static let proofOfAddress: Self = "proof_of_address"
    public static let directorsRegistry: Self = "directors_registry"

    /// The names documents are recorded under.
    public static let canonical: [Self] = [
        .drivers, .idCard, .passport, .residencePermit, .livenessReport,
        .incorporationCert, .shareholderRegistry, .proofOfAddress, .directorsRegistry,
    ]

    /// SpherePay's spellings of the same types, accepted on upload and recorded under the
    /// canonical name.
    public static let aliases: [Self: Self] = [
        "incorporation_certificate": .incorporationCert,
        "drivers_license": .drivers,
    ]

    public static let known: [Self] = canonical + aliases.keys.sorted { $0.rawValue < $1.rawValue }

    /// The canonical name of this type (itself unless it is an alias).
    public var canonicalName: Self { Self.aliases[self] ?? self }

    /// Identity documents issued by a government; their country is required.
    public static let governmentIssued: [Self] = [.drivers, .idCard, .passport, .residencePermit]

    public static let forIndividuals: [Self] = governmentIssued + [.livenessReport]
    /// A business's directors registry is kept with its papers; no KYB criterion asks for it.
    public static let forBusinesses: [Self] = [.incorporationCert, .shareholderRegistry, .proofOfAddress, .directorsRegistry]
    public static let forRepresentatives: [Self] = forIndividuals + [.proofOfAddress]

    public var isGovernmentIssued: Bool { Self.governmentIssued.contains(canonicalName) }
}
