import Foundation
import HTTPTypes

/// Malformed requests beyond the JSON body: content types, empty bodies, broken multipart,
/// bad ids in paths, bad query parameters and methods the routes do not have.
extension MalformedRequests {
    /// A valid liveness report upload for the customer, but for the description or file name.
    func upload(description: String? = nil, fileName: String = "liveness.pdf") -> [UInt8] {
        var form = MultipartFixture()
        form.addField("targetId", customer)
        form.addField("target", "customer")
        form.addField("documentType", "liveness_report")
        if let description { form.addField("description", description) }
        form.addFile("file", filename: fileName, contentType: "application/pdf", bytes: SampleFiles.pdf)
        return form.body
    }

    var wrongContentTypes: [Probe] {
        let types = ["text/plain", "application/xml", "multipart/form-data; boundary=abc"]
        return jsonRoutes.prefix(4).flatMap { route in
            types.map { Probe("\($0) on \(route.uri)", route.method, route.uri, contentType: $0, body: Array(route.valid.utf8)) }
        } + [
            Probe("no content type", .post, "/v2/customer", contentType: nil, body: Array(APIFixtures.individual().utf8)),
            Probe("JSON on the document route", .post, "/v2/document", body: Array(#"{"targetId":"x"}"#.utf8)),
            Probe("text on the document route", .post, "/v2/document", contentType: "text/plain", body: Array("file".utf8)),
            Probe("urlencoded on the document route", .post, "/v2/document", contentType: "application/x-www-form-urlencoded",
                  body: Array("targetId=\(customer)&target=customer".utf8)),
        ]
    }

    var emptyBodies: [Probe] {
        jsonRoutes.map { Probe("empty body on \($0.uri)", $0.method, $0.uri, body: []) }
            + jsonRoutes.prefix(2).map { Probe("no body on \($0.uri)", $0.method, $0.uri, body: nil) }
            + [Probe("empty multipart", .post, "/v2/document", contentType: "multipart/form-data; boundary=abc", body: [])]
    }

    var brokenMultipart: [Probe] {
        func form(_ build: (inout MultipartFixture) -> Void) -> MultipartFixture {
            var form = MultipartFixture()
            build(&form)
            return form
        }
        let valid = form {
            $0.addField("targetId", customer)
            $0.addField("target", "customer")
            $0.addField("documentType", "liveness_report")
            $0.addFile("file", filename: "l.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)
        }
        let body = valid.body
        let multipart = "multipart/form-data"
        var probes = [
            Probe("no boundary parameter", .post, "/v2/document", contentType: multipart, body: body),
            Probe("another boundary", .post, "/v2/document", contentType: "\(multipart); boundary=other", body: body),
            Probe("an unterminated quoted boundary", .post, "/v2/document", contentType: #"\#(multipart); boundary="abc"#, body: body),
            Probe("a 71-character boundary", .post, "/v2/document",
                  contentType: "\(multipart); boundary=\(String(repeating: "b", count: 71))", body: body),
            Probe("no closing delimiter", .post, "/v2/document", contentType: valid.contentType,
                  body: Array(body.dropLast(valid.boundary.utf8.count + 4))),
            Probe("cut in the middle", .post, "/v2/document", contentType: valid.contentType, body: Array(body.prefix(body.count / 2))),
            Probe("only the closing delimiter", .post, "/v2/document", contentType: valid.contentType,
                  body: Array("--\(valid.boundary)--".utf8)),
            Probe("no opening delimiter", .post, "/v2/document", contentType: valid.contentType, body: Array("hello\r\n".utf8)),
        ]
        let noSeparator = Array("--\(valid.boundary)\r\nContent-Disposition: form-data; name=\"target\"\r\ncustomer\r\n--\(valid.boundary)--".utf8)
        probes.append(Probe("a part without a blank line", .post, "/v2/document", contentType: valid.contentType, body: noSeparator))
        probes.append(Probe("a part without Content-Disposition", .post, "/v2/document", contentType: valid.contentType,
                            body: form { $0.addPart(headers: ["Content-Type: text/plain"], content: Array("x".utf8)) }.body))
        probes.append(Probe("a field of invalid UTF-8", .post, "/v2/document", contentType: valid.contentType,
                            body: form { $0.addPart(headers: [#"Content-Disposition: form-data; name="target""#], content: [0xFF, 0xFE]) }.body))
        probes.append(Probe("a non-ASCII field name with invalid UTF-8", .post, "/v2/document", contentType: valid.contentType,
                            body: form { $0.addPart(headers: ["Content-Disposition: form-data; name=\"t\u{FF}\""], content: [0xC0, 0xAF]) }.body))
        probes.append(Probe("21 parts", .post, "/v2/document", contentType: valid.contentType,
                            body: form { f in (1...21).forEach { f.addField("description", "\($0)") } }.body))
        probes.append(Probe("a 9 KiB part header", .post, "/v2/document", contentType: valid.contentType,
                            body: form { $0.addPart(headers: ["Content-Disposition: form-data; name=\"\(String(repeating: "n", count: 9000))\""],
                                                    content: Array("x".utf8)) }.body))
        return probes
    }

    var badIds: [Probe] {
        let ids = ["nope", "customer_123", "CUSTOMER_" + String(repeating: "a", count: 32), "customer_%00", "%FF%FE",
                   "customer_" + String(repeating: "g", count: 32), String(repeating: "9", count: 2000)]
        return ids.flatMap { id -> [Probe] in
            [
                Probe("GET customer \(id.prefix(20))", .get, "/v2/customer/\(id)", contentType: nil),
                Probe("PATCH customer \(id.prefix(20))", .patch, "/v2/customer/\(id)", json: #"{"meta":{}}"#),
                Probe("events of \(id.prefix(20))", .get, "/v2/customer/\(id)/events", contentType: nil),
                Probe("decision of \(id.prefix(20))", .post, "/v2/customer/\(id)/verification-profiles/kyc_profile_a/decision",
                      json: #"{"decision":"approved"}"#),
                Probe("representative \(id.prefix(20))", .get, "/v2/business-representative/\(id)", contentType: nil),
                Probe("review of \(id.prefix(20))", .post, "/v2/document/\(id)/review", json: #"{"decision":"accepted"}"#),
            ]
        } + [
            Probe("an unknown profile", .post, "/v2/customer/\(customer)/verification-profiles/%00/decision", json: #"{"decision":"approved"}"#),
            Probe("representatives of nobody", .get, "/v2/business-representative?customerId=nobody", contentType: nil),
            Probe("representatives without a customer", .get, "/v2/business-representative", contentType: nil),
            Probe("a representative for a bad customer id", .post, "/v2/business-representative",
                  json: APIFixtures.representative(of: "customer_xyz", ownership: "1")),
        ]
    }

    var badQueries: [Probe] {
        let long = String(repeating: "q", count: 300)
        let list = ["limit=-1", "limit=abc", "limit=101", "limit=1e2", "page=0", "page=99999999999999999999", "page=-3", "status=",
                    "status=done", "type=robot", "type=", "search=\(long)", "email=\(long)", "limit=%00", "page=%FF"]
        let customer = ["asOfVersion=0", "asOfVersion=-1", "asOfVersion=abc", "asOfVersion=999999", "asOfVersion=99999999999999999999",
                        "asOf=yesterday", "asOf=2026-13-45T99:99:99.000Z", "asOf=1900-01-01T00:00:00.000Z", "asOfVersion=1&asOf=2026-01-01T00:00:00Z"]
        let events = ["after=abc", "after=-1", "limit=0", "limit=101", "limit=1.5", "after=99999999999999999999"]
        return list.map { Probe("list ?\($0.prefix(30))", .get, "/v2/customer?\($0)", contentType: nil) }
            + customer.map { Probe("customer ?\($0)", .get, "/v2/customer/\(self.customer)?\($0)", contentType: nil) }
            + events.map { Probe("events ?\($0)", .get, "/v2/customer/\(self.customer)/events?\($0)", contentType: nil) }
    }

    var unknownMethods: [Probe] {
        let calls: [(String, String)] = [
            ("PUT", "/v2/customer"), ("DELETE", "/v2/customer"), ("PATCH", "/v2/customer"), ("PUT", "/v2/customer/\(customer)"),
            ("DELETE", "/v2/customer/\(customer)"), ("POST", "/v2/customer/\(customer)"), ("POST", "/v2/customer/\(customer)/events"),
            ("GET", "/v2/document"), ("GET", "/v2/document/\(document)/review"), ("POST", "/healthz"), ("DELETE", "/metrics"),
            ("PURGE", "/v2/customer"), ("PROPFIND", "/v2/customer/\(customer)"), ("TRACE", "/v2/customer"),
            ("PUT", "/v2/business-representative/\(representative)"), ("BREW", "/v2/business-representative"),
        ]
        return calls.map { Probe("\($0.0) \($0.1)", HTTPRequest.Method($0.0)!, $0.1, body: Array("{}".utf8)) }
    }
}
