/// Which tax identification types each country issues: the one table the checks, the OpenAPI
/// document and the tests read. A country in the table takes exactly its types; a country not
/// in it takes any type of the vocabulary.
public enum TaxIdentificationTypes {
    /// Identification any country's residents may hold beside the country's own numbers.
    public static let universal: [TaxIdentificationNumberType] = [.passport, .nationalId, .other]

    /// Countries whose tax authority identifies persons only by their own numbers.
    private static let exclusive: [String: [TaxIdentificationNumberType]] = [
        "USA": [.ssn, .itin],
        "BRA": [.cpf],
    ]

    /// Other countries' own numbers, taken beside the universal kinds.
    private static let own: [String: [TaxIdentificationNumberType]] = [
        "ARG": ["cuit", "cuil"],
        "AUS": ["tfn"],
        "CAN": ["sin"],
        "CHL": ["rut"],
        "COL": ["nit"],
        "DEU": ["steuer_id"],
        "ESP": ["nif", "nie"],
        "GBR": ["nino", "utr"],
        "IND": ["pan"],
        "ITA": ["codice_fiscale"],
        "MEX": ["rfc", "curp"],
        "PER": ["ruc"],
    ]

    /// The types `country` takes, or nil when the table does not list it (then any is taken).
    public static func accepted(in country: String) -> [TaxIdentificationNumberType]? {
        if let types = exclusive[country] { return types }
        if let types = own[country] { return types + universal }
        return nil
    }

    /// Every country the table lists, sorted.
    public static var countries: [String] { (Array(exclusive.keys) + Array(own.keys)).sorted() }

    /// Every type of the table, in a stable order: the original six first.
    public static let vocabulary: [TaxIdentificationNumberType] = {
        var words: [TaxIdentificationNumberType] = [.ssn, .itin, .passport, .nationalId, .cpf, .other]
        for country in (Array(exclusive.keys) + Array(own.keys)).sorted() {
            for type in exclusive[country] ?? own[country] ?? [] where !words.contains(type) { words.append(type) }
        }
        return words
    }()
}
