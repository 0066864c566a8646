import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's answers: pages with the headers that keep them in their own origin, redirects,
/// and the session cookie.
enum ConsoleResponses {
    static let sessionCookie = "customers_console"
    /// The sign-in form's own CSRF token, before there is a session to hold one.
    static let signInCookie = "customers_console_sign_in"

    /// Scripts, styles and images from the console itself only; no frames, no form posting
    /// elsewhere. Pages hold personal data: never cached, never sent as a referrer.
    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        let body = "<!doctype html>\n" + html.description
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
        ]
        secure(&headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
    }

    /// 303: the browser follows with a GET, so reloading the page it lands on sends nothing again.
    static func redirect(to location: String) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        secure(&headers)
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ text: String, contentType: String) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "public, max-age=3600"]
        secure(&headers)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Whether the browser reached the service over https. The service itself serves plain
    /// http, so that is a proxy terminating TLS that says so in `X-Forwarded-Proto` or `Forwarded`.
    static func isHTTPS(_ request: Request) -> Bool {
        if let proto = request.headers[.xForwardedProto], proto.lowercased().split(separator: ",").first?.trimmingCharacters(in: .whitespaces) == "https" {
            return true
        }
        if let forwarded = request.headers[.forwarded],
           forwarded.lowercased().split(separator: ",").first?.split(separator: ";")
               .contains(where: { $0.trimmingCharacters(in: .whitespaces) == "proto=https" }) == true {
            return true
        }
        return false
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let forwarded = Self("Forwarded")!
}
