import CustomerDomain
import Foundation
import TestSupport
import Testing

/// The OpenAPI document's enums and per-country rules are the domain's tables, not a copy that
/// drifts: countries, tax identification types (and which country takes which), document types
/// (and which a representative may have, which name their country).
@Suite struct OpenAPIVocabularyTests {
    /// `name value value …` lines read from the document by a small Python program.
    static func documented() async throws -> [String: [String]] {
        let output = try await OpenAPIDocumentReader.output(of: """
            import sys, yaml
            schemas = yaml.safe_load(open(sys.argv[1]))["components"]["schemas"]
            print("countries", *schemas["CountryCode"]["enum"])
            print("taxTypes", *schemas["TaxIdentificationNumberType"]["enum"])
            print("documentTypes", *schemas["DocumentType"]["enum"])
            for rule in schemas["DocumentUpload"]["allOf"]:
                if "target" in rule["if"]["properties"]:
                    print("representativeDocumentTypes", *rule["then"]["properties"]["documentType"]["enum"])
                else:
                    print("governmentIssued", *rule["if"]["properties"]["documentType"]["enum"])
            for rule in schemas["PersonalInformation"]["allOf"]:
                country = rule["if"]["properties"].get("taxIdentificationNumberCountry")
                if country:
                    print("tax:" + country["const"], *rule["then"]["properties"]["taxIdentificationNumberType"]["enum"])
            """)
        var lines: [String: [String]] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            lines[words[0]] = Array(words.dropFirst())
        }
        return lines
    }

    @Test func theDocumentsVocabulariesAreTheDomainsTables() async throws {
        let documented = try await Self.documented()
        #expect(Set(documented["countries"] ?? []) == CountryCode.all)
        #expect(documented["taxTypes"] == TaxIdentificationNumberType.known.map(\.rawValue))
        #expect(Set(documented["documentTypes"] ?? []) == Set(DocumentType.known.map(\.rawValue)))
        #expect(Set(documented["representativeDocumentTypes"] ?? []) == Self.spellings(of: DocumentType.forRepresentatives))
        #expect(Set(documented["governmentIssued"] ?? []) == Self.spellings(of: DocumentType.governmentIssued))
        let countries = documented.keys.filter { $0.hasPrefix("tax:") }.map { String($0.dropFirst(4)) }
        #expect(countries.sorted() == TaxIdentificationTypes.countries)
        for country in countries {
            #expect(
                Set(documented["tax:\(country)"] ?? []) == Set((TaxIdentificationTypes.accepted(in: country) ?? []).map(\.rawValue)),
                "\(country)")
        }
    }

    /// The names of the types and of their aliases, as an upload may send them.
    static func spellings(of types: [DocumentType]) -> Set<String> {
        Set(DocumentType.known.filter { types.contains($0.canonicalName) }.map(\.rawValue))
    }
}
