import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// The tampering drills: the owner of the database sets the log's triggers aside and edits it;
/// `customers audit verify` names the first event that no longer matches, and why.
@Suite(.serialized) struct AuditTamperingTests {
    static let a = "customer_0000000000000000000000000000000a"
    static let b = "customer_0000000000000000000000000000000b"
    static let c = "customer_0000000000000000000000000000000c"
    static let key = AuditSigningKey.generate()
    static var signing: [String: String] { [AuditSigningKey.environmentVariable: key.base64] }
    static let unsigned = [AuditSigningKey.environmentVariable: "", AuditSigningKey.environmentVariable + "_FILE": ""]

    /// A migrated scratch schema holding streams `a` (three events) and `b` (one), sealed once.
    static func withSealedLog(_ body: (String, Connection) async throws -> Void) async throws {
        try await OperatorCommandTests.withScratchURL { url, admin in
            #expect(try await CommandLineTests.customers(["migrate"], overrides: ["DATABASE_URL": url]).status == 0)
            try await append(a, ["Opened", "Renamed", "Closed"], from: 0, on: admin)
            try await append(b, ["Opened"], from: 0, on: admin)
            let seal = try await sealOnceTheFencePasses(url)
            #expect(seal.status == 0, "\(seal.errors)")
            #expect(seal.output.contains("seal 1: 4 events in 2 streams"), "\(seal.output)")
            try await body(url, admin)
        }
    }

    /// `customers audit seal`, again while the fence is still behind the appends: the fence is
    /// the cluster's oldest running transaction, and a test running alongside may hold one open
    /// for a moment.
    static func sealOnceTheFencePasses(_ url: String) async throws -> CommandLineTests.Run {
        var seal = try await CommandLineTests.customers(["audit", "seal"], overrides: signing.merging(["DATABASE_URL": url]) { $1 })
        for _ in 0..<50 where seal.output.contains("no event below the fence yet") {
            try await Task.sleep(for: .milliseconds(200))
            seal = try await CommandLineTests.customers(["audit", "seal"], overrides: signing.merging(["DATABASE_URL": url]) { $1 })
        }
        return seal
    }

    static func append(_ stream: String, _ types: [String], from version: Int, on admin: Connection) async throws {
        try await admin.query(
            """
            SELECT count(*) FROM append_events($1, 'test', $2, $3::text[], array_fill(1, ARRAY[cardinality($3::text[])]),
                (SELECT array_agg(jsonb_build_object('n', n, 'note', 'line' || E'\\n' || 'é')) FROM generate_series(1, cardinality($3::text[])) n),
                array_fill('{}'::jsonb, ARRAY[cardinality($3::text[])]))
            """, [stream, version, types])
    }

    static func tamper(_ sql: String, on admin: Connection) async throws {
        try await admin.executeScript(
            "ALTER TABLE events DISABLE TRIGGER events_refuse_update_and_delete; \(sql); ALTER TABLE events ENABLE TRIGGER events_refuse_update_and_delete")
    }

    static func verify(_ url: String, _ arguments: [String] = []) async throws -> CommandLineTests.Run {
        try await CommandLineTests.customers(["audit", "verify"] + arguments, overrides: signing.merging(["DATABASE_URL": url]) { $1 })
    }

    @Test func anUntouchedLogVerifiesAgainstTheTrustedKey() async throws {
        try await Self.withSealedLog { url, _ in
            let run = try await Self.verify(url)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("intact: 4 events in 2 streams"), "\(run.output)")
            #expect(run.output.contains("latest seal 1"), "\(run.output)")
            #expect(run.output.contains("signed by the trusted key \(Self.key.publicKey.base64)"), "\(run.output)")
        }
    }

    @Test func eventsAfterTheLatestSealAreUnsealedNotWrong() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.append(Self.a, ["Reopened"], from: 3, on: admin)
            try await Self.append(Self.c, ["Opened", "Renamed"], from: 0, on: admin)
            let run = try await Self.verify(url)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("unsealed (written after the latest seal, not an error): 3 events, 1 streams never sealed"), "\(run.output)")
        }
    }

    @Test func anEditedEventIsNamed() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.tamper(
                "UPDATE events SET data = jsonb_set(data, '{n}', '7') WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 2", on: admin)
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("first event that does not match: \(Self.a) version 2: edited"), "\(run.output)")
        }
    }

    @Test func aStreamsRemovedLastEventIsNamedEvenWithItsVersionMovedBack() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.tamper("DELETE FROM events WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 3", on: admin)
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("\(Self.a) version 3: removed: the stream's version is 3 but its last event is 2"), "\(run.output)")

            try await admin.executeScript("UPDATE streams SET version = 2 WHERE stream_id = 'customer_0000000000000000000000000000000a'")
            let again = try await Self.verify(url)
            #expect(again.status == 1)
            #expect(again.output.contains("\(Self.a) version 3: removed: seal 1 signed the stream up to version 3"), "\(again.output)")
        }
    }

    @Test func twoSwappedEventsAreNamedAsReordered() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.tamper(
                """
                UPDATE events SET stream_version = 100 WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 2;
                UPDATE events SET stream_version = 2 WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 3;
                UPDATE events SET stream_version = 3 WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 100
                """, on: admin)
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("\(Self.a) version 2: reordered: this Closed was written as version 3"), "\(run.output)")
        }
    }

    @Test func aChainRecomputedAfterAnEditIsNamedByTheSeal() async throws {
        try await Self.withSealedLog { url, admin in
            // The edit, then every later hash written again as append_events would: the chain
            // alone holds, only the seal tells.
            try await Self.tamper(
                """
                UPDATE events SET data = jsonb_set(data, '{n}', '7') WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 2;
                UPDATE events e SET hash = event_hash(p.hash, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at)
                    FROM events p WHERE p.stream_id = 'customer_0000000000000000000000000000000a' AND p.stream_version = 1 AND e.stream_id = 'customer_0000000000000000000000000000000a' AND e.stream_version = 2;
                UPDATE events e SET hash = event_hash(p.hash, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at)
                    FROM events p WHERE p.stream_id = 'customer_0000000000000000000000000000000a' AND p.stream_version = 2 AND e.stream_id = 'customer_0000000000000000000000000000000a' AND e.stream_version = 3
                """, on: admin)
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("\(Self.a) version 3: recomputed: the chain holds together but is not the one seal 1 signed"), "\(run.output)")
            // Resealing does not paper over it: the sealer refuses a head that changed under a seal.
            try await Self.append(Self.b, ["Renamed"], from: 1, on: admin)
            let reseal = try await CommandLineTests.customers(["audit", "seal"], overrides: Self.signing.merging(["DATABASE_URL": url]) { $1 })
            #expect(reseal.status != 0)
            #expect(reseal.errors.contains("refusing to seal: stream \(Self.a)"), "\(reseal.errors)")
        }
    }

    @Test func aSealSignedByAnotherKeyIsRefusedAgainstTheTrustedOne() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.append(Self.b, ["Renamed"], from: 1, on: admin)
            let forger = AuditSigningKey.generate()
            let forged = try await CommandLineTests.customers(
                ["audit", "seal"], overrides: [AuditSigningKey.environmentVariable: forger.base64, "DATABASE_URL": url])
            #expect(forged.status == 0)
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("seal 2: it was signed by the key \(forger.publicKey.base64), not by the key trusted here"), "\(run.output)")
            // Without a trusted key, the summary says which key it checked.
            let untrusted = try await CommandLineTests.customers(["audit", "verify"], overrides: Self.unsigned.merging(["DATABASE_URL": url]) { $1 })
            #expect(untrusted.status == 0)
            #expect(untrusted.output.contains("signed by the key stored with it, \(forger.publicKey.base64)"), "\(untrusted.output)")
        }
    }

    @Test func anEditedSealIsNamed() async throws {
        try await Self.withSealedLog { url, admin in
            try await admin.executeScript("UPDATE audit_seals SET event_count = 3 WHERE seal_id = 1")
            let run = try await Self.verify(url)
            #expect(run.status == 1)
            #expect(run.output.contains("seal 1: its signature does not match what it states"), "\(run.output)")
        }
    }

    @Test func oneCustomersChainIsVerifiedAlone() async throws {
        try await Self.withSealedLog { url, admin in
            try await Self.tamper("UPDATE events SET data = '{}' WHERE stream_id = 'customer_0000000000000000000000000000000a' AND stream_version = 1", on: admin)
            #expect(try await Self.verify(url, [Self.b]).status == 0)
            let run = try await Self.verify(url, [Self.a])
            #expect(run.status == 1)
            #expect(run.output.contains("intact") == false)
            #expect(run.output.contains("\(Self.a) version 1: edited"), "\(run.output)")
        }
    }

    @Test func anExportVerifiesOfflineAndFailsAfterOneByteChanges() async throws {
        try await Self.withSealedLog { url, _ in
            let file = FileManager.default.temporaryDirectory.appending(path: "audit-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            let export = try await CommandLineTests.customers(["audit", "export", "--output", file.path], overrides: ["DATABASE_URL": url])
            #expect(export.status == 0, "\(export.errors)")
            let offline = ["audit", "verify", "--from-file", file.path, "--public-key", Self.key.publicKey.base64]
            // No database at all: the URL points nowhere.
            let nowhere = Self.unsigned.merging(["DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"]) { $1 }
            let run = try await CommandLineTests.customers(offline, overrides: nowhere)
            #expect(run.status == 0, "\(run.output)\(run.errors)")
            #expect(run.output.contains("intact: 4 events in 2 streams"), "\(run.output)")

            var bytes = try Data(contentsOf: file)
            let text = String(decoding: bytes, as: UTF8.self)
            let target = try #require(text.range(of: #""n\": 2"#)).lowerBound
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: target) + 6
            #expect(bytes[offset] == UInt8(ascii: "2"))
            bytes[offset] = UInt8(ascii: "3")
            try bytes.write(to: file)
            let changed = try await CommandLineTests.customers(offline, overrides: nowhere)
            #expect(changed.status == 1)
            #expect(changed.output.contains("\(Self.a) version 2: edited"), "\(changed.output)")
        }
    }
}
