import JSON
import Foundation

/// The shape and format checks of each request. Rules that need the
/// customer's current state (frozen fields, ownership sums, whether a document
/// fits its target) are checked by `decide`.
extension NewIndividual {
    public func validate(now: Date) -> ValidationReport {
        var report = ValidationReport()
        report.checkEmail(email, at: "/email")
        report.checkPhone(phone, at: "/phone")
        if let address {
            report.checkAddress(address, at: "/address")
        } else {
            report.malformed("/address", "is required")
        }
        if let personalInformation {
            report.checkPersonalInformation(
                personalInformation, at: "/personalInformation", today: Timestamp(now).day,
                hasAddress: address != nil, addressPointer: "/address"
            )
        }
        report.checkMeta(meta, at: "/meta")
        return report
    }
}

extension NewBusiness {
    public func validate(now: Date) -> ValidationReport {
        var report = ValidationReport()
        report.checkEmail(email, at: "/email")
        report.checkPhone(phone, at: "/phone")
        var seenTypes: Set<AddressType> = []
        for (index, address) in (addresses ?? []).enumerated() {
            let pointer = jsonPointer("/addresses", index)
            report.checkAddress(address, at: pointer)
            let typePointer = jsonPointer(pointer, "type")
            guard let type = address.type else {
                report.malformed(typePointer, "is required: registered or operating")
                continue
            }
            report.checkVocabulary(type, at: typePointer)
            if !seenTypes.insert(type).inserted {
                report.malformed(typePointer, "a business has at most one \(type) address")
            }
        }
        if let businessInformation {
            report.checkBusinessInformation(businessInformation, at: "/businessInformation", today: Timestamp(now).day)
        }
        report.checkMeta(meta, at: "/meta")
        return report
    }
}

extension ValidationReport {
    mutating func checkBusinessInformation(_ information: BusinessInformation, at pointer: String, today: CalendarDate) {
        notBlank(information.legalName, at: jsonPointer(pointer, "legalName"))
        notBlank(information.tradeName, at: jsonPointer(pointer, "tradeName"))
        checkVocabulary(information.entityType, at: jsonPointer(pointer, "entityType"))
        checkNAICS(information.naicsCode, at: jsonPointer(pointer, "naicsCode"))
        checkDate(information.incorporatedOn, at: jsonPointer(pointer, "incorporatedOn"), before: today)
        notBlank(information.identificationNumber, at: jsonPointer(pointer, "identificationNumber"))
        notBlank(information.identificationNumberType, at: jsonPointer(pointer, "identificationNumberType"))
        for (field, value) in [
            ("estimatedAnnualRevenueInUsd", information.estimatedAnnualRevenueInUsd),
            ("expectedMonthlyPaymentsInUsd", information.expectedMonthlyPaymentsInUsd),
        ] {
            if let value, !(1...20).contains(value.utf8.count) || !value.allSatisfy(\.isASCIIDigit) {
                malformed(jsonPointer(pointer, field), "must be whole US dollars written as a string of 1 to 20 digits, such as \"250000\"")
            }
        }
        let activities = jsonPointer(pointer, "regulatedActivities")
        if let list = information.regulatedActivities {
            if list.count > BusinessInformation.maximumRegulatedActivities {
                malformed(activities, "has \(list.count) entries; at most \(BusinessInformation.maximumRegulatedActivities) are allowed")
            }
            for (index, activity) in list.enumerated() { notBlank(activity, at: jsonPointer(activities, index)) }
        }
    }
}

extension IndividualUpdate {
    /// Checks the update as applied to `current`, the individual's personal
    /// information now: the tax trio must hold for the merged result.
    public func validate(now: Date, current: PersonalInformation?) -> ValidationReport {
        var report = ValidationReport()
        if let address {
            report.checkAddress(address, at: "/address")
        }
        if let personalInformation {
            let merged = (current ?? PersonalInformation()).patched(with: personalInformation)
            // An individual always has an address, so the trio never lacks one here.
            report.checkPersonalInformation(
                merged, at: "/personalInformation", today: Timestamp(now).day,
                hasAddress: true, addressPointer: "/address"
            )
        }
        report.checkMeta(meta, at: "/meta")
        return report
    }
}

extension NewRepresentative {
    public func validate(now: Date) -> ValidationReport {
        var report = ValidationReport()
        let today = Timestamp(now).day
        if let type { report.checkVocabulary(type, at: "/type") } else { report.malformed("/type", "is required: individual") }
        report.checkEmail(email, at: "/email")
        report.checkPhone(phone, at: "/phone")
        if let address {
            report.checkAddress(address, at: "/address")
        } else {
            report.malformed("/address", "is required")
        }
        if let personalInformation {
            report.checkPersonalInformation(
                personalInformation, at: "/personalInformation", today: today,
                hasAddress: address != nil, addressPointer: "/address"
            )
        }
        if let representationDetails {
            report.checkRepresentationDetails(representationDetails, at: "/representationDetails", today: today)
        }
        return report
    }
}

extension RepresentativeUpdate {
    public func validate(now: Date, current: PersonalInformation?) -> ValidationReport {
        var report = ValidationReport()
        let today = Timestamp(now).day
        report.checkVocabulary(type, at: "/type")
        if email != nil { report.checkEmail(email, at: "/email") }
        if phone != nil { report.checkPhone(phone, at: "/phone") }
        if let address { report.checkAddress(address, at: "/address") }
        if let personalInformation {
            let merged = (current ?? PersonalInformation()).patched(with: personalInformation)
            report.checkPersonalInformation(
                merged, at: "/personalInformation", today: today, hasAddress: true, addressPointer: "/address"
            )
        }
        if let representationDetails {
            report.checkRepresentationDetails(representationDetails, at: "/representationDetails", today: today)
        }
        return report
    }
}

extension DocumentUpload {
    public func validate() -> ValidationReport {
        var report = ValidationReport()
        report.require(targetId, at: "/targetId")
        if let target { report.checkVocabulary(target, at: "/target") } else { report.malformed("/target", "is required") }
        if let documentType {
            report.checkVocabulary(documentType, at: "/documentType")
        } else {
            report.malformed("/documentType", "is required")
        }
        report.checkCountry(country, at: "/country", required: documentType?.isGovernmentIssued ?? false)
        report.checkVocabulary(side, at: "/side")
        report.notBlank(description, at: "/description")
        if let name = report.require(fileName, at: "/fileName"), TextLength.exceeds(name, 255) {
            report.malformed("/fileName", "must be at most 255 characters long")
        }
        if let size = fileSize {
            if !(1...Self.maximumFileSize).contains(size) {
                report.malformed("/fileSize", "must be between 1 byte and 15 MB")
            }
        } else {
            report.malformed("/fileSize", "is required")
        }
        if let mime = report.require(mimeType, at: "/mimeType"), !Self.acceptedMimeTypes.contains(mime) {
            report.malformed("/mimeType", "must be a PDF, JPEG, PNG, HEIC or TIFF file")
        }
        if let hash = report.require(sha256, at: "/sha256"),
           !(hash.utf8.count == 64 && hash.allSatisfy({ $0.isASCIIDigit || ("a"..."f").contains($0) })) {
            report.malformed("/sha256", "must be 64 lowercase hexadecimal digits")
        }
        return report
    }
}

extension DocumentReview {
    public func validate() -> ValidationReport {
        var report = ValidationReport()
        if let decision {
            report.checkVocabulary(decision, at: "/decision")
        } else {
            report.malformed("/decision", "is required: accepted or rejected")
        }
        // The detail of a rejection is what the customer is shown in `errors`.
        if decision == .rejected {
            report.require(detail, at: "/detail")
        }
        return report
    }
}

extension ProfileDecision {
    public func validate() -> ValidationReport {
        var report = ValidationReport()
        if let decision {
            report.checkVocabulary(decision, at: "/decision")
        } else {
            report.malformed("/decision", "is required: approved or rejected")
        }
        if decision == .rejected {
            report.require(detail, at: "/detail")
        }
        return report
    }
}
