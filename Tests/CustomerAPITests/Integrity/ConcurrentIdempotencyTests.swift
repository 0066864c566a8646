import Foundation
import HTTPTypes
import Postgres
import TestSupport
import Testing

/// Two requests with one Idempotency-Key, both in flight at once: the second gets the first's
/// answer (or a mismatch, for another body), whichever constraint it meets first.
@Suite(.serialized) struct ConcurrentIdempotencyTests {
    @Test func twoIdenticalCreatesInFlightGetTheSameAnswer() async throws {
        let email = APIFixtures.uniqueEmail("race")
        let replies = try await Self.raceTwoCreates(APIFixtures.individual(email: email), APIFixtures.individual(email: email))
        #expect(replies.map(\.status) == [.created, .created], "\(replies.map(\.body))")
        #expect(replies[0].body == replies[1].body)
    }

    @Test func anotherBodyWithTheSameKeyInFlightIsAMismatch() async throws {
        let email = APIFixtures.uniqueEmail("race")
        let replies = try await Self.raceTwoCreates(
            APIFixtures.individual(email: email),
            APIFixtures.individual(email: email, replacing: ["phone": #""+14155550199""#]))
        #expect(Set(replies.map(\.status.code)) == [201, 422], "\(replies.map(\.body))")
        #expect(replies.contains { $0.code == "idempotency/mismatch" })
    }

    /// Holds the lock every command takes first, until both requests wait for it; then lets
    /// them go at once.
    static func raceTwoCreates(_ first: String, _ second: String) async throws -> [Reply] {
        let name = TestDatabase.uniqueName("race")
        let key = TestDatabase.uniqueName("key")
        return try await TestApplication.withClient(applicationName: name) { client, pool in
            let api = APIDriver(client: client)
            let holder = try await Connection.connect(try TestDatabase.configuration())
            try await holder.executeScript("BEGIN")
            try await holder.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/projector:customers'))")
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: key]
            async let one = api.send(.post, "/v2/customer", key: "writer", json: first, headers: headers)
            async let two = api.send(.post, "/v2/customer", key: "writer", json: second, headers: headers)
            for _ in 0..<300 {
                let waiting = try await pool.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [name]
                ).rows[0].decode(0, as: Int.self)
                if waiting == 2 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await holder.executeScript("COMMIT")
            await holder.close()
            return try await [one, two]
        }
    }
}
