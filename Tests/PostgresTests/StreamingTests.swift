import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct StreamingTests {
    @Test func deliversEveryRowInChunksOfAtMostTheChunkSize() async throws {
        let connection = try await Connection.connect(try TestDatabase.configuration())
        let seen = RowTally()
        try await connection.stream(Statement("SELECT n, repeat('x', 100) FROM generate_series(1, $1) AS n", [10_001]), chunkSize: 1_000) { rows in
            seen.add(chunk: rows.count, values: try rows.map { try $0.decode(0, as: Int.self) })
        }
        #expect(seen.values == Array(1...10_001))
        #expect(seen.largestChunk == 1_000)
        #expect(seen.chunks == 11)
        await connection.close()
    }

    @Test func anErrorMidStreamIsThrownAndTheConnectionStaysUsable() async throws {
        let connection = try await Connection.connect(try TestDatabase.configuration())
        let seen = RowTally()
        let error = await #expect(throws: PostgresError.self) {
            try await connection.stream(Statement("SELECT 10 / (5000 - n) FROM generate_series(1, 10000) AS n"), chunkSize: 100) { rows in
                seen.add(chunk: rows.count, values: [])
            }
        }
        #expect(error?.sqlState?.code == "22012")
        #expect(seen.chunks > 0)
        #expect(try await connection.query("SELECT 1").rows[0].decode(0, as: Int.self) == 1)
        await connection.close()
    }

    @Test func aConsumerThatThrowsStopsTheReadAndLeavesTheConnectionUsable() async throws {
        struct Enough: Error {}
        let connection = try await Connection.connect(try TestDatabase.configuration())
        await #expect(throws: Enough.self) {
            try await connection.stream(Statement("SELECT n FROM generate_series(1, 50000) AS n"), chunkSize: 10) { _ in throw Enough() }
        }
        #expect(try await connection.query("SELECT 2").rows[0].decode(0, as: Int.self) == 2)
        await connection.close()
    }
}

/// What a streaming consumer saw; written by the connection's thread, read after the stream.
final class RowTally: @unchecked Sendable {
    private let lock = NSLock()
    private var storedValues: [Int] = []
    private var storedChunks = 0
    private var storedLargest = 0

    func add(chunk size: Int, values: [Int]) {
        lock.withLock {
            storedValues += values
            storedChunks += 1
            storedLargest = max(storedLargest, size)
        }
    }

    var values: [Int] { lock.withLock { storedValues } }
    var chunks: Int { lock.withLock { storedChunks } }
    var largestChunk: Int { lock.withLock { storedLargest } }
}
