import Foundation

/// Which URLs a subscription may deliver to: `https`, or `http` to a host the operator listed
/// (`CUSTOMERS_WEBHOOK_ALLOWED_HOSTS`); a loopback host only when listed, whatever the scheme, so
/// a subscription cannot make the service call itself or its neighbours on the same machine
/// unless an operator said so. Redirects are never followed, so the checked URL is the one called.
public struct WebhookURLPolicy: Sendable, Equatable {
    public let allowedHosts: Set<String>

    public init(allowedHosts: Set<String> = []) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    /// From `CUSTOMERS_WEBHOOK_ALLOWED_HOSTS`: host names separated by commas.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> WebhookURLPolicy {
        let hosts = (environment["CUSTOMERS_WEBHOOK_ALLOWED_HOSTS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return WebhookURLPolicy(allowedHosts: Set(hosts))
    }

    /// Why `text` may not be a webhook URL, nil when it may.
    public func problem(with text: String) -> String? {
        guard text.utf8.count <= 2_048 else { return "must be at most 2048 characters" }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased(), !host.isEmpty
        else { return "must be an absolute http(s) URL" }
        guard components.user == nil, components.password == nil else { return "must not carry credentials" }
        guard components.fragment == nil else { return "must not have a fragment" }
        let listed = allowedHosts.contains(host)
        switch scheme {
        case "https":
            if Self.isLoopback(host), !listed { return "may name a loopback host only when CUSTOMERS_WEBHOOK_ALLOWED_HOSTS lists it" }
            return nil
        case "http":
            return listed ? nil : "must be https (http only to a host CUSTOMERS_WEBHOOK_ALLOWED_HOSTS lists)"
        default:
            return "must be an https URL"
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasPrefix("127.") || bare == "::1" || bare == "0.0.0.0"
    }
}
