import CustomerDomain
import CustomerService
import EventStore
import Foundation
import HTTPTypes
import Postgres
import Synchronization
import TestSupport
import Testing

/// The feed (scope `audit:read`): every committed change exactly once, in commit order behind
/// the fence, after an opaque cursor, long-polling when nothing is new.
@Suite struct EventFeedTests {
    @Test func aReaderFollowingTheFeedSeesEveryCommittedEventOnceWhileWritersRollBackToo() async throws {
        try await WebhookHarness.with { harness in
            let seen = Mutex<[String]>([])
            let writersDone = Atomic<Bool>(false)
            let reader = Task {
                var cursor: String?
                while true {
                    let query = "?limit=50&wait=1" + (cursor.map { "&after=\($0)" } ?? "")
                    let page = try await harness.api.send(.get, "/v2/events\(query)", key: "auditor")
                    guard page.status == .ok, let next = page.json["next"].text else { throw Unexpected(page.body) }
                    let ids = page.json["events"].items.compactMap { $0["id"].text }
                    seen.withLock { $0 += ids }
                    cursor = next
                    if ids.isEmpty, writersDone.load(ordering: .acquiring) { return }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        for round in 0..<6 {
                            let customer: CustomerID = ServiceInputs.fresh()
                            if (writer + round) % 3 == 0 {
                                try await Self.appendAndRollBack(customer, pool: harness.pool)
                            } else {
                                _ = try await harness.services.handler.handle(
                                    .createIndividual(id: customer, ServiceInputs.janeSmith()), customer: customer,
                                    request: ServiceHarness.request(), response: ServiceHarness.viewResponse)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let committed = try await harness.pool.query(
                "SELECT transaction_id::text, global_position FROM events ORDER BY events.transaction_id, events.global_position"
            ).rows.map { NotificationID(GlobalPosition(transactionId: UInt64(try $0.decode(0, as: String.self))!, position: try $0.decode(1))).rawValue }
            try await harness.waitUntil { seen.withLock { Set($0) }.isSuperset(of: committed) }
            writersDone.store(true, ordering: .releasing)
            try await reader.value
            let ids = seen.withLock { $0 }
            #expect(ids == committed, "every committed event once, in commit order (\(ids.count) seen, \(committed.count) committed)")
        }
    }

    /// An append that never commits: it takes a position and a transaction id, then rolls back.
    static func appendAndRollBack(_ customer: CustomerID, pool: ConnectionPool) async throws {
        try await pool.withConnection { connection in
            try await connection.executeScript("BEGIN")
            try await connection.query(
                """
                SELECT * FROM append_events($1, 'customer', 0, ARRAY['PersonalDataErased'], ARRAY[1],
                                            ARRAY['{"erasedAt":"2026-03-09T20:46:31.305Z"}'::jsonb], ARRAY['{}'::jsonb])
                """, [customer.rawValue])
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...20)))
            try await connection.executeScript("ROLLBACK")
        }
    }

    @Test func oneEventIsReadByItsId() async throws {
        try await WebhookHarness.with { harness in
            let jane = try await harness.api.createJane()
            _ = try await harness.notificationNames(of: jane.id)
            let page = try await harness.api.send(.get, "/v2/events?limit=1", key: "auditor")
            let id = try #require(page.json["events"][0]["id"].text)
            let one = try await harness.api.send(.get, "/v2/event/\(id)", key: "auditor")
            #expect(one.status == .ok)
            #expect(one.json["name"].text == "customer.create")
            #expect(one.json["data"]["id"].text == jane.id)
            #expect(one.body == page.json["events"][0].rendered)
        }
    }

    @Test(arguments: [
        ("/v2/events?after=nonsense", "/after"), ("/v2/events?wait=31", "/wait"), ("/v2/events?limit=0", "/limit"),
        ("/v2/events?limit=101", "/limit"), ("/v2/events?after=c1.!!", "/after"),
    ])
    func aBadQueryIsRefusedAtItsParameter(uri: String, pointer: String) async throws {
        try await TestApplication.withDriver { api in
            let reply = try await api.send(.get, uri, key: "auditor")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.pointers == [pointer])
        }
    }

    @Test func anUnknownEventIsNotFound() async throws {
        try await TestApplication.withDriver { api in
            for id in ["event_00000000000000000000000000000000", "event_zz", "customer_00000000000000000000000000000000"] {
                let reply = try await api.send(.get, "/v2/event/\(id)", key: "auditor")
                #expect(reply.status == .notFound)
                #expect(reply.code == "event/not-found")
            }
        }
    }

    @Test func anEmptyFeedWaitsAndAnswersWithTheSameCursor() async throws {
        try await WebhookHarness.with { harness in
            let started = ContinuousClock.now
            let page = try await harness.api.send(.get, "/v2/events?wait=1", key: "auditor")
            #expect(ContinuousClock.now - started >= .milliseconds(900))
            #expect(page.json["events"].items.isEmpty)
            let cursor = try #require(page.json["next"].text)
            let again = try await harness.api.send(.get, "/v2/events?after=\(cursor)", key: "auditor")
            #expect(again.json["next"].text == cursor)
        }
    }

    struct Unexpected: Error {
        let body: String
        init(_ body: String) { self.body = body }
    }
}
