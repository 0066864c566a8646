/// How a person represents a business: roles, ownership and since when.
public struct RepresentationDetails: Codable, Hashable, Sendable {
    public var roles: [RepresentativeRole]?
    /// A decimal written as a string, "0" to "100".
    public var ownershipPercentage: String?
    public var isControlPerson: Bool?
    public var isSigner: Bool?
    /// `YYYY-MM-DD`.
    public var relationshipEstablishedAt: String?
    public var title: String?

    public init(
        roles: [RepresentativeRole]? = nil,
        ownershipPercentage: String? = nil,
        isControlPerson: Bool? = nil,
        isSigner: Bool? = nil,
        relationshipEstablishedAt: String? = nil,
        title: String? = nil
    ) {
        self.roles = roles
        self.ownershipPercentage = ownershipPercentage
        self.isControlPerson = isControlPerson
        self.isSigner = isSigner
        self.relationshipEstablishedAt = relationshipEstablishedAt
        self.title = title
    }

    /// The ownership in hundredths of a percent (so sums are exact), or nil
    /// when absent or not a number from 0 to 100 with at most two decimals.
    public var ownershipBasisPoints: Int? {
        ownershipPercentage.flatMap(Self.basisPoints(of:))
    }

    static func basisPoints(of text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              let whole = parts.first, (1...3).contains(whole.count), whole.allSatisfy(\.isASCIIDigit),
              let wholeValue = Int(whole)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
                  let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let total = wholeValue * 100 + fraction
        return total <= 10_000 ? total : nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
