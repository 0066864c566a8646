import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct DecodingTests {
    @Test func decodesEveryTypeTheServiceStores() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let row = try await pool.query(
            """
            SELECT 'héllo'::text, 42::int, 9007199254740993::bigint, true, false,
                   '2026-03-09 20:46:31.305123+00'::timestamptz, '{"b": [1, 2], "a": "x"}'::jsonb,
                   '\\x00ff10'::bytea, '18446744073709551615'::xid8, NULL::text
            """).rows[0]
        #expect(try row.decode(0, as: String.self) == "héllo")
        #expect(try row.decode(1, as: Int.self) == 42)
        #expect(try row.decode(2, as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode(3, as: Bool.self) == true)
        #expect(try row.decode(4, as: Bool.self) == false)
        let date = try row.decode(5, as: Date.self)
        #expect(abs(date.timeIntervalSince1970 - 1_773_089_191.305123) < 0.000_001)
        let json = try JSONSerialization.jsonObject(with: try row.decode(6, as: Data.self)) as? [String: Any]
        #expect(json?["a"] as? String == "x")
        #expect(try row.decode(7, as: Data.self) == Data([0x00, 0xff, 0x10]))
        #expect(try row.decode(8, as: UInt64.self) == UInt64.max)
        #expect(try row.decode(9, as: String?.self) == nil)
    }

    @Test func parametersRoundTripThroughTheServer() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let date = Date(timeIntervalSince1970: 1_773_089_191.305_123)
        let bytes = Data((0...255).map { UInt8($0) })
        let row = try await pool.query(
            "SELECT $1::text, $2::bigint, $3::boolean, $4::timestamptz, $5::bytea, $6::text[], $7::jsonb, $8::text",
            ["quote ' and \" and \\ and 🙂", Int64.min, true, date, bytes, ["a\"b", "c\\d", "{e,f}", "\"\\\"x\\"],
             JSONB(#"{"k": "v"}"#), String?.none]).rows[0]
        #expect(try row.decode(0, as: String.self) == "quote ' and \" and \\ and 🙂")
        #expect(try row.decode(1, as: Int64.self) == Int64.min)
        #expect(try row.decode(2, as: Bool.self))
        #expect(abs(try row.decode(3, as: Date.self).timeIntervalSince(date)) < 0.000_001)
        #expect(try row.decode(4, as: Data.self) == bytes)
        #expect(try row.decode(5, as: String.self) == #"{"a\"b","c\\d","{e,f}","\"\\\"x\\"}"#)
        #expect(try row.decode(6, as: String.self) == #"{"k": "v"}"#)
        #expect(try row.decode(7, as: String?.self) == nil)
    }

    @Test func decodingNullIntoANonOptionalNamesTheColumn() async throws {
        let pool = ConnectionPool(configuration: try TestDatabase.configuration())
        defer { Task { await pool.close() } }
        let row = try await pool.query("SELECT NULL::bigint AS missing").rows[0]
        let error = #expect(throws: PostgresError.self) { try row.decode("missing", as: Int64.self) }
        #expect(error?.kind == .decoding)
        #expect(error?.message.contains("missing") == true)
    }

    @Test(arguments: [
        ("2026-03-09 20:46:31.305+00", 1_773_089_191.305),
        ("2026-03-09 20:46:31+00", 1_773_089_191.0),
        ("2026-03-09 22:46:31.5+02", 1_773_089_191.5),
        ("2026-03-09 17:16:31-03:30", 1_773_089_191.0),
        ("1969-12-31 23:59:59+00", -1.0),
        ("2000-02-29 00:00:00+00", 951_782_400.0),
    ])
    func parsesTimestampText(text: String, seconds: Double) {
        let parsed = PostgresTimestamp.parse(text)
        #expect(parsed.map { abs($0.timeIntervalSince1970 - seconds) < 0.000_001 } == true, "\(text)")
    }

    @Test(arguments: ["infinity", "2026-13-01 00:00:00+00", "2026-03-09", "garbage", ""])
    func refusesTimestampsThatAreNotFiniteInstants(text: String) {
        #expect(PostgresTimestamp.parse(text) == nil)
    }

    @Test func formatsTimestampsWithMicroseconds() {
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: 1_773_089_191.305_123)) == "2026-03-09T20:46:31.305123Z")
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
    }
}
