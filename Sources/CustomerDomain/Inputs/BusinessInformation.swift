/// What is known about a business; optional at creation, completed for KYB.
public struct BusinessInformation: Codable, Hashable, Sendable {
    public static let maximumRegulatedActivities = 50

    public var legalName: String?
    public var tradeName: String?
    public var description: String?
    public var entityType: EntityType?
    /// Six digits of the North American Industry Classification System.
    public var naicsCode: String?
    public var website: String?
    /// `YYYY-MM-DD`, a day in the past.
    public var incorporatedOn: String?
    public var identificationNumberType: String?
    public var identificationNumber: String?
    public var accountPurpose: String?
    public var primarySourceOfFunds: String?
    /// Whole US dollars, written as a string of digits.
    public var estimatedAnnualRevenueInUsd: String?
    public var expectedMonthlyPaymentsInUsd: String?
    public var regulatedActivities: [String]?

    public init(
        legalName: String? = nil,
        tradeName: String? = nil,
        description: String? = nil,
        entityType: EntityType? = nil,
        naicsCode: String? = nil,
        website: String? = nil,
        incorporatedOn: String? = nil,
        identificationNumberType: String? = nil,
        identificationNumber: String? = nil,
        accountPurpose: String? = nil,
        primarySourceOfFunds: String? = nil,
        estimatedAnnualRevenueInUsd: String? = nil,
        expectedMonthlyPaymentsInUsd: String? = nil,
        regulatedActivities: [String]? = nil
    ) {
        self.legalName = legalName
        self.tradeName = tradeName
        self.description = description
        self.entityType = entityType
        self.naicsCode = naicsCode
        self.website = website
        self.incorporatedOn = incorporatedOn
        self.identificationNumberType = identificationNumberType
        self.identificationNumber = identificationNumber
        self.accountPurpose = accountPurpose
        self.primarySourceOfFunds = primarySourceOfFunds
        self.estimatedAnnualRevenueInUsd = estimatedAnnualRevenueInUsd
        self.expectedMonthlyPaymentsInUsd = expectedMonthlyPaymentsInUsd
        self.regulatedActivities = regulatedActivities
    }
}
