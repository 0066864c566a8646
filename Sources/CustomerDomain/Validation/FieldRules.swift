import Foundation

/// Checks of single values, shared by every request that carries them.
extension ValidationReport {
    /// A required text: absent or blank is reported as missing.
    @discardableResult
    mutating func require(_ value: String?, at pointer: String) -> String? {
        guard let value, !value.isBlank else {
            malformed(pointer, "is required")
            return nil
        }
        return value
    }

    /// An optional text that, when given, must not be blank.
    mutating func notBlank(_ value: String?, at pointer: String) {
        if let value, value.isBlank {
            malformed(pointer, "must not be blank")
        }
    }

    mutating func checkEmail(_ value: String?, at pointer: String) {
        guard let email = require(value, at: pointer) else { return }
        if TextLength.exceeds(email, EmailAddress.maximumLength) {
            malformed(pointer, "must be at most \(EmailAddress.maximumLength) characters long (it has \(TextLength.of(email)))")
        } else if !EmailAddress.isWellFormed(email) {
            malformed(pointer, "must be a valid email address such as name@example.com")
        }
    }

    mutating func checkPhone(_ value: String?, at pointer: String) {
        guard let phone = require(value, at: pointer) else { return }
        if !PhoneNumber.isE164(phone) {
            malformed(pointer, "must be an E.164 number: + followed by 7 to 15 digits, such as +14155550123")
        }
    }

    mutating func checkCountry(_ value: String?, at pointer: String, required: Bool) {
        guard let country = required ? require(value, at: pointer) : value else { return }
        if !CountryCodes.alpha3.contains(country) {
            malformed(pointer, "must be an ISO 3166-1 alpha-3 country code such as USA or GBR")
        }
    }

    /// A `YYYY-MM-DD` day that exists; with `before`, it must also lie before that day.
    mutating func checkDate(_ value: String?, at pointer: String, before today: CalendarDate? = nil) {
        guard let value else { return }
        guard let date = CalendarDate(value) else {
            malformed(pointer, "must be a real date written YYYY-MM-DD")
            return
        }
        if let today, date >= today {
            malformed(pointer, "must be a date in the past")
        }
    }

    mutating func checkVocabulary<Word: OpenVocabulary>(_ word: Word?, at pointer: String) {
        if let word, !word.isKnown {
            malformed(pointer, "must be one of: \(Word.knownList)")
        }
    }

    mutating func checkNAICS(_ value: String?, at pointer: String) {
        if let value, !(value.utf8.count == 6 && value.allSatisfy(\.isASCIIDigit)) {
            malformed(pointer, "must be a NAICS code of exactly 6 digits")
        }
    }
}

enum EmailAddress {
    static let maximumLength = 254
    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~-.")

    /// A practical subset of RFC 5322: a dot-atom local part of at most 64
    /// characters and a domain of at least two DNS labels.
    static func isWellFormed(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.count), local.first != ".", local.last != ".", !local.utf8.containsAdjacentDots,
              local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || localSymbols.contains($0)) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2,
              topLevel.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}

enum PhoneNumber {
    /// The contract's `^\+(?:[0-9]){6,14}[0-9]$`: a plus and 7 to 15 digits.
    static func isE164(_ phone: String) -> Bool {
        guard phone.first == "+" else { return false }
        let digits = phone.dropFirst()
        return (7...15).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
    }
}

extension String {
    /// Empty or only white space and line breaks. ASCII text, nearly every value, is checked
    /// byte by byte; other text by its Unicode properties.
    var isBlank: Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.allSatisfy { $0 == 0x20 || (0x09...0x0d).contains($0) }
        }
        return unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}

extension Substring.UTF8View {
    var containsAdjacentDots: Bool {
        var previousWasDot = false
        for byte in self {
            let isDot = byte == UInt8(ascii: ".")
            if isDot && previousWasDot { return true }
            previousWasDot = isDot
        }
        return false
    }
}
