/// What the log records about a business, as validated. Its JSON is the request's shape.
public struct BusinessDetails: Codable, Hashable, Sendable {
    public var legalName: String?
    public var tradeName: String?
    public var description: String?
    public var entityType: EntityType?
    /// Six digits of the North American Industry Classification System.
    public var naicsCode: String?
    public var website: String?
    public var incorporatedOn: CalendarDate?
    public var identificationNumberType: String?
    public var identificationNumber: String?
    public var accountPurpose: String?
    public var primarySourceOfFunds: String?
    /// Whole US dollars, written as a string of digits.
    public var estimatedAnnualRevenueInUsd: String?
    public var expectedMonthlyPaymentsInUsd: String?
    public var regulatedActivities: [String]?

    public init(
        legalName: String? = nil, tradeName: String? = nil, description: String? = nil, entityType: EntityType? = nil,
        naicsCode: String? = nil, website: String? = nil, incorporatedOn: CalendarDate? = nil,
        identificationNumberType: String? = nil, identificationNumber: String? = nil, accountPurpose: String? = nil,
        primarySourceOfFunds: String? = nil, estimatedAnnualRevenueInUsd: String? = nil,
        expectedMonthlyPaymentsInUsd: String? = nil, regulatedActivities: [String]? = nil
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

    /// The details a validated request gives.
    public init(_ input: BusinessInformation) {
        self.init(
            legalName: input.legalName, tradeName: input.tradeName, description: input.description,
            entityType: input.entityType, naicsCode: input.naicsCode, website: input.website,
            incorporatedOn: input.incorporatedOn.flatMap { CalendarDate($0) },
            identificationNumberType: input.identificationNumberType, identificationNumber: input.identificationNumber,
            accountPurpose: input.accountPurpose, primarySourceOfFunds: input.primarySourceOfFunds,
            estimatedAnnualRevenueInUsd: input.estimatedAnnualRevenueInUsd,
            expectedMonthlyPaymentsInUsd: input.expectedMonthlyPaymentsInUsd, regulatedActivities: input.regulatedActivities)
    }
}
