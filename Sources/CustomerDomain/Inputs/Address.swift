/// A postal address. `type` is used only in a business's `addresses`
/// (`registered` or `operating`); an individual's address has none.
public struct Address: Codable, Hashable, Sendable {
    public var type: AddressType?
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var state: String?
    public var postalCode: String?
    public var country: String?

    public init(
        type: AddressType? = nil,
        line1: String? = nil,
        line2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        postalCode: String? = nil,
        country: String? = nil
    ) {
        self.type = type
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }
}
