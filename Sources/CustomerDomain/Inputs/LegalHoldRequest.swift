import Foundation

/// `POST /v2/customer/{id}/legal-hold`: `{"reason": "…"}`.
public struct LegalHoldRequest: Codable, Hashable, Sendable {
    public var reason: String?

    public init(reason: String?) {
        self.reason = reason
    }

    public func validate() -> ValidationReport {
        var report = ValidationReport()
        report.require(reason, at: "/reason")
        return report
    }
}

/// A legal hold that stands: why, and since when.
public struct LegalHold: Hashable, Sendable {
    public var reason: String
    public var since: Timestamp
}
