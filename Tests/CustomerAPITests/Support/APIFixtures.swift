import Foundation

/// Request bodies of the contract's examples, each with the smallest change a test needs.
enum APIFixtures {
    static func uniqueEmail(_ name: String) -> String {
        "\(name).\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    static let usAddress = #"{"line1":"233 S Wacker Dr","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"}"#

    /// A business with registered and operating addresses and every `business_information` field.
    static func business(email: String, adding extra: [String: String] = [:]) -> String {
        let more = extra.sorted { $0.key < $1.key }.map { #","\#($0.key)":\#($0.value)"# }.joined()
        return """
        {"type":"business","email":"\(email)","phone":"+14155550100",
         "addresses":[
           {"type":"registered","line1":"1 Market St","city":"San Francisco","state":"CA","postalCode":"94105","country":"USA"},
           {"type":"operating","line1":"500 Howard St","line2":"Floor 3","city":"San Francisco","state":"CA","postalCode":"94105","country":"USA"}],
         "businessInformation":{"legalName":"Acme Robotics Inc.","tradeName":"Acme","description":"Industrial robots",
           "entityType":"corporation","naicsCode":"333249","website":"https://acme.example.com","incorporatedOn":"2015-06-01",
           "identificationNumberType":"ein","identificationNumber":"12-3456789","accountPurpose":"payments",
           "primarySourceOfFunds":"revenue"\(more)}}
        """
    }

    /// A beneficial owner of `business` holding `ownership` percent.
    static func representative(
        of business: String, ownership: String, firstName: String = "Ada", personalInformation: String? = nil
    ) -> String {
        let person = personalInformation ?? """
            {"firstName":"\(firstName)","lastName":"Owner","dateOfBirth":"1980-01-01",
             "taxIdentificationNumber":"987-65-4321","taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"}
            """
        return """
        {"type":"individual","customerId":"\(business)","email":"\(uniqueEmail(firstName.lowercased()))","phone":"+14155550150",
         "address":{"line1":"10 Congress Ave","city":"Austin","state":"TX","postalCode":"73301","country":"USA"},
         "personalInformation":\(person),
         "representationDetails":{"roles":["ubo","director"],"ownershipPercentage":"\(ownership)","isControlPerson":true,
           "isSigner":true,"relationshipEstablishedAt":"2015-06-01","title":"Director"}}
        """
    }

    /// An individual: Jane Smith's body with `email` and every member of `replacing` set as given
    /// (raw JSON values; `nil` removes the member).
    static func individual(email: String = uniqueEmail("jane"), replacing changes: [String: String?] = [:]) -> String {
        var members: [String: String] = [
            "type": #""individual""#, "email": "\"\(email)\"", "phone": #""+14155550123""#, "address": usAddress,
            "personalInformation": #"{"firstName":"Jane","lastName":"Smith","dateOfBirth":"1990-04-12","taxIdentificationNumber":"123-45-6789","taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"}"#,
        ]
        for (key, value) in changes { members[key] = value }
        return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }
}
