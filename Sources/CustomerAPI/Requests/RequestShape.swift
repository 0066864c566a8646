import JSON
import CustomerDomain
import CustomerService

/// The JSON a request body may have: which fields exist and of which JSON type. Checked before
/// decoding so that every unknown field and every wrongly typed value is reported at once, each
/// with its pointer; the domain then validates the values themselves.
indirect enum RequestShape: Sendable {
    /// Text of at most `maximum` characters.
    case text(maximum: Int)
    case bool
    case array(RequestShape)
    case object([String: RequestShape])
    /// `meta`: an object whose values the domain checks (primitives only, sizes).
    case anyObject

    func problems(in value: JSONTree, at pointer: String = "") -> [FieldProblem] {
        let here = pointer.isEmpty ? "/" : pointer
        if case .null = value { return [] }  // absent; the domain says whether it is required
        if let problem = Self.unstorableText(in: value, at: here) { return [problem] }
        switch (self, value) {
        case (.text(let maximum), .string(let text)):
            guard TextLength.exceeds(text, maximum) else { return [] }
            return [FieldProblem(pointer: here, detail: "Must be at most \(maximum) characters (it has \(TextLength.of(text))).")]
        case (.bool, .bool), (.anyObject, .object):
            return []
        case (.array(let element), .array(let items)):
            return items.enumerated().flatMap { element.problems(in: $1, at: jsonPointer(pointer, $0)) }
        case (.object(let fields), .object(let members)):
            var problems: [FieldProblem] = []
            for key in members.keys.sorted() {
                let memberPointer = jsonPointer(pointer, key)
                guard let shape = fields[key] else {
                    problems.append(FieldProblem(pointer: memberPointer, detail: "Unknown field \(key)."))
                    continue
                }
                problems += shape.problems(in: members[key]!, at: memberPointer)
            }
            return problems
        default:
            return [FieldProblem(pointer: here, detail: "Must be \(expectation).")]
        }
    }

    /// PostgreSQL text and jsonb cannot hold U+0000: such a value could never be stored, so it
    /// is refused here with its pointer rather than failing deep in the database.
    private static func unstorableText(in value: JSONTree, at pointer: String) -> FieldProblem? {
        switch value {
        case .string(let text) where text.utf8.contains(0):
            return FieldProblem(pointer: pointer, detail: "Must not contain the NUL character (U+0000).")
        case .object(let members):
            for key in members.keys.sorted() {
                if key.utf8.contains(0) {
                    return FieldProblem(pointer: pointer, detail: "Has a field name with the NUL character (U+0000).")
                }
                if let problem = unstorableText(in: members[key]!, at: jsonPointer(pointer == "/" ? "" : pointer, key)) {
                    return problem
                }
            }
            return nil
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let problem = unstorableText(in: item, at: jsonPointer(pointer == "/" ? "" : pointer, index)) { return problem }
            }
            return nil
        default:
            return nil
        }
    }

    private var expectation: String {
        switch self {
        case .text: "a string"
        case .bool: "true or false"
        case .array: "an array"
        case .object, .anyObject: "an object"
        }
    }
}

/// The shape of every body the API accepts, from the contract, with the longest text each field
/// takes (the same maximums as `maxLength` in the OpenAPI document).
enum RequestShapes {
    static let word = RequestShape.text(maximum: 40)
    static let name = RequestShape.text(maximum: 100)
    static let line = RequestShape.text(maximum: 200)
    static let prose = RequestShape.text(maximum: 2_000)

    static let address = RequestShape.object([
        "type": word, "line1": line, "line2": line, "city": name,
        "state": name, "postalCode": .text(maximum: 20), "country": word,
    ])
    static let personalInformation = RequestShape.object([
        "firstName": name, "lastName": name, "middleName": name, "dateOfBirth": word,
        "taxIdentificationNumber": .text(maximum: 64), "taxIdentificationNumberType": word,
        "taxIdentificationNumberCountry": word, "taxIdentificationNumberDescription": line,
        "gender": word, "nationality": word, "countryOfBirth": word, "residencyCountry": word,
        "occupationSocCode": word, "sourceOfFunds": line,
    ])
    static let businessInformation = RequestShape.object([
        "legalName": line, "tradeName": line, "description": prose, "entityType": word,
        "naicsCode": word, "website": .text(maximum: 2_048), "incorporatedOn": word, "identificationNumberType": word,
        "identificationNumber": .text(maximum: 64), "accountPurpose": line, "primarySourceOfFunds": line,
        "estimatedAnnualRevenueInUsd": word, "expectedMonthlyPaymentsInUsd": word, "regulatedActivities": .array(line),
    ])
    static let representationDetails = RequestShape.object([
        "roles": .array(word), "ownershipPercentage": word, "isControlPerson": .bool,
        "isSigner": .bool, "relationshipEstablishedAt": word, "title": name,
    ])
    static let email = RequestShape.text(maximum: 254)
    static let phone = RequestShape.text(maximum: 40)
    static let individual = RequestShape.object([
        "type": word, "email": email, "phone": phone, "address": address,
        "personalInformation": personalInformation, "meta": .anyObject,
    ])
    static let business = RequestShape.object([
        "type": word, "email": email, "phone": phone, "addresses": .array(address),
        "businessInformation": businessInformation, "meta": .anyObject,
    ])
    static let individualUpdate = RequestShape.object([
        "address": address, "personalInformation": personalInformation, "meta": .anyObject,
    ])
    static let newRepresentative = RequestShape.object([
        "type": word, "customerId": .text(maximum: 64), "email": email, "phone": phone, "address": address,
        "personalInformation": personalInformation, "representationDetails": representationDetails,
    ])
    static let representativeUpdate = RequestShape.object([
        "type": word, "email": email, "phone": phone, "address": address,
        "personalInformation": personalInformation, "representationDetails": representationDetails,
    ])
    static let decision = RequestShape.object(["decision": word, "detail": prose])
    static let legalHold = RequestShape.object(["reason": prose])
    static let webhook = RequestShape.object([
        "url": .text(maximum: 2_048), "events": .array(word), "description": .text(maximum: 500), "enabled": .bool,
    ])
}
