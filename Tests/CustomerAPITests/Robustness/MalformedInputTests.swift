import Hummingbird
import Testing

/// Bad input never yields a 5xx: hundreds of malformed requests, every one answered with a 4xx
/// and problem details.
@Suite struct MalformedInputTests {
    @Test func everyMalformedRequestIsAnswered4xxWithProblemDetails() async throws {
        try await TestApplication.withDriver { api in
            let jane = try await api.createJane()
            let acme = try await api.createBusiness()
            let representative = try await api.addRepresentative(to: acme.id, ownership: "10").json["id"].text ?? ""
            let document = try await api.upload(targetId: jane.id, documentType: "liveness_report").json["id"].text ?? ""
            let probes = MalformedRequests(customer: jane.id, business: acme.id, representative: representative, document: document).all

            var byStatus: [Int: Int] = [:]
            for probe in probes {
                let reply = try await api.raw(probe.method, probe.uri, headers: probe.headers, body: probe.body.map { ByteBuffer(bytes: $0) })
                let status = Int(reply.status.code)
                byStatus[status, default: 0] += 1
                #expect((400..<500).contains(status), "\(probe.label) → \(status) \(reply.body.prefix(300))")
                #expect(reply.isProblem, "\(probe.label): not problem details: \(reply.body.prefix(300))")
            }
            print("Sent \(probes.count) malformed requests; statuses: \(byStatus.sorted { $0.key < $1.key })")
            #expect(probes.count >= 200)

            // Nothing got through: the customer, business and representative are as they were.
            #expect(try await api.eventCount(of: jane.id) == 2)
            #expect(try await api.eventCount(of: acme.id) == 2)
        }
    }
}

/// Free text the contract does not bound (names, address lines) is limited only by the 1 MiB
/// body: a 100 KB value is stored or refused, never a server error.
@Suite struct HugeFreeTextTests {
    @Test(arguments: ["firstName", "lastName", "middleName"])
    func aHugeNameIsNeverAServerError(_ field: String) async throws {
        try await TestApplication.withDriver { api in
            let huge = String(repeating: "n", count: 100_000)
            let body = APIFixtures.individual(replacing: [
                "personalInformation": #"{"\#(field)":"\#(huge)"}"#,
            ])
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .created || (400..<500).contains(Int(reply.status.code)), "\(reply.body.prefix(300))")
            if reply.status == .created {
                let read = try await api.send(.get, "/v2/customer?search=\(huge.prefix(200))&email=\(reply.json["email"].text ?? "")", key: "reader")
                #expect(read.status == .ok)
            }
        }
    }

    @Test func aHugeAddressLineIsNeverAServerError() async throws {
        try await TestApplication.withDriver { api in
            let huge = String(repeating: "l", count: 100_000)
            let body = APIFixtures.individual(replacing: [
                "address": #"{"line1":"\#(huge)","line2":"\#(huge)","city":"\#(huge)","state":"IL","postalCode":"60606","country":"USA"}"#,
            ])
            let reply = try await api.send(.post, "/v2/customer", key: "writer", json: body)
            #expect(reply.status == .created || (400..<500).contains(Int(reply.status.code)), "\(reply.body.prefix(300))")
        }
    }
}
