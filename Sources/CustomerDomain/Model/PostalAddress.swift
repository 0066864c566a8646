/// An address as the log records it: validated, with the parts every address has (line 1, city,
/// country) always there. `type` (`registered` or `operating`) is used only in a business's
/// addresses. Its JSON is the request's shape, so events written before this type read as they are.
public struct PostalAddress: Codable, Hashable, Sendable {
    public var type: AddressType?
    public var line1: String
    public var line2: String?
    public var city: String
    public var state: String?
    public var postalCode: String?
    public var country: CountryCode

    public init(
        type: AddressType? = nil, line1: String, line2: String? = nil, city: String, state: String? = nil,
        postalCode: String? = nil, country: CountryCode
    ) {
        self.type = type
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }

    /// The address of a request that passed validation; nil when a required part is missing.
    public init?(_ input: Address) {
        guard let line1 = input.line1, let city = input.city, let country = input.country.flatMap({ CountryCode(rawValue: $0) })
        else { return nil }
        self.init(
            type: input.type, line1: line1, line2: input.line2, city: city, state: input.state,
            postalCode: input.postalCode, country: country)
    }
}

extension PostalAddress {
    /// The address with `transform` applied to each part that locates it.
    public func mappingPersonalFields(_ transform: (PersonalField, String) throws -> String) rethrows -> PostalAddress {
        var copy = self
        copy.line1 = try transform(.addressLine1, line1)
        copy.line2 = try line2.map { try transform(.addressLine2, $0) }
        copy.city = try transform(.addressCity, city)
        copy.state = try state.map { try transform(.addressState, $0) }
        copy.postalCode = try postalCode.map { try transform(.addressPostalCode, $0) }
        return copy
    }

    /// Every part that locates it erased.
    public var erased: PostalAddress { mappingPersonalFields { _, _ in PersonalData.erased } }
}
