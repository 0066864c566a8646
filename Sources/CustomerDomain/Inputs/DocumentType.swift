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

    public static let known: [Self] = [
        .drivers, .idCard, .passport, .residencePermit, .livenessReport,
        .incorporationCert, .shareholderRegistry, .proofOfAddress,
    ]

    /// Identity documents issued by a government; their country is required.
    public static let governmentIssued: [Self] = [.drivers, .idCard, .passport, .residencePermit]

    public static let forIndividuals: [Self] = governmentIssued + [.livenessReport]
    public static let forBusinesses: [Self] = [.incorporationCert, .shareholderRegistry, .proofOfAddress]
    public static let forRepresentatives: [Self] = forIndividuals + [.proofOfAddress]

    public var isGovernmentIssued: Bool { Self.governmentIssued.contains(self) }
}
