import Foundation
import Postgres

/// What an audit reads and writes in the log: every event as its hash covers it, the streams'
/// recorded versions, and the seals. The cryptography (hashes, Merkle root, signatures) is the
/// layer above's; these are the statements.
extension EventStore {
    static let canonicalTime = #"to_char(%@ AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"#

    /// The events of `streams` (all when nil) in stream order, each stream's from its first
    /// version on, handed to `consume` in chunks on the connection's own thread.
    public func chainedEvents(
        of streams: [String]? = nil, chunkSize: Int = 2_000, consume: @escaping @Sendable ([ChainedEvent]) throws -> Void
    ) async throws {
        let time = Self.canonicalTime.replacingOccurrences(of: "%@", with: "recorded_at")
        let filter = streams == nil ? "" : "WHERE stream_id = ANY($1::text[])"
        let statement = Statement(
            """
            SELECT stream_id, stream_version, event_type, schema_version, data::text, metadata::text, \(time),
                   transaction_id, hash
            FROM events \(filter)
            ORDER BY stream_id, stream_version
            """,
            streams.map { [$0] } ?? [])
        try await translatingFailures {
            try await pool.withConnection { connection in
                try await connection.stream(statement, chunkSize: chunkSize) { rows in
                    try consume(rows.map { row in
                        ChainedEvent(
                            streamId: try row.decode(0), streamVersion: try row.decode(1), type: try row.decode(2),
                            schemaVersion: try row.decode(3), data: try row.decode(4), metadata: try row.decode(5),
                            recordedAt: try row.decode(6), transactionId: try row.decode(7, as: UInt64.self),
                            hash: try row.decode(8))
                    })
                }
            }
        }
    }

    /// Each stream's version as its `streams` row records it (what appends moved it to).
    public func recordedVersions(of streams: [String]? = nil) async throws -> [String: Int64] {
        try await translatingFailures {
            let rows = try await query("SELECT stream_id, version FROM streams", filteredTo: streams).rows
            var versions: [String: Int64] = [:]
            versions.reserveCapacity(rows.count)
            for row in rows { versions[try row.decode(0)] = try row.decode(1) }
            return versions
        }
    }

    /// How many events the log holds, for a progress bar.
    public func eventCount(of streams: [String]? = nil) async throws -> Int {
        try await translatingFailures {
            try await query("SELECT count(*) FROM events", filteredTo: streams).rows[0].decode(0, as: Int.self)
        }
    }

    /// `select` with `WHERE stream_id = ANY(streams)` when `streams` is given.
    private func query(_ select: String, filteredTo streams: [String]?, orderedBy order: String? = nil) async throws -> QueryResult {
        let ordering = order.map { " ORDER BY \($0)" } ?? ""
        guard let streams else { return try await pool.query(select + ordering) }
        return try await pool.query(select + " WHERE stream_id = ANY($1::text[])" + ordering, [streams])
    }

    // MARK: Seals

    /// Every seal, oldest first.
    public func seals() async throws -> [SealRecord] {
        try await translatingFailures {
            try await pool.query(
                """
                SELECT seal_id, fence_transaction_id, \(Self.canonicalTime.replacingOccurrences(of: "%@", with: "sealed_at")),
                       stream_count, event_count, merkle_root, previous_digest, public_key, signature
                FROM audit_seals ORDER BY seal_id
                """
            ).rows.map(SealRecord.init(row:))
        }
    }

    /// Every stream's head as the seals recorded it, for each seal that moved it: (seal, head),
    /// in stream order and, within a stream, seal order.
    public func sealedHeads(of streams: [String]? = nil) async throws -> [(sealId: Int64, head: StreamHead)] {
        try await translatingFailures {
            let result = try await query(
                "SELECT seal_id, stream_id, stream_version, hash FROM audit_seal_heads", filteredTo: streams,
                orderedBy: "stream_id, seal_id")
            return try result.rows.map { row in
                (try row.decode(0), StreamHead(streamId: try row.decode(1), version: try row.decode(2), hash: try row.decode(3)))
            }
        }
    }

    /// The fence a seal made now covers, its time, and the heads of the streams that moved since
    /// the latest seal. The fence is the oldest transaction still running: every transaction
    /// older than it has ended, so the events it covers can never change in number.
    public func sealDraft() async throws -> SealDraft {
        try await translatingFailures {
            let previous = try await pool.query(
                """
                SELECT seal_id, fence_transaction_id, \(Self.canonicalTime.replacingOccurrences(of: "%@", with: "sealed_at")),
                       stream_count, event_count, merkle_root, previous_digest, public_key, signature
                FROM audit_seals ORDER BY seal_id DESC LIMIT 1
                """
            ).rows.first.map(SealRecord.init(row:))
            let now = try await pool.query(
                """
                SELECT pg_snapshot_xmin(pg_current_snapshot()), \(Self.canonicalTime.replacingOccurrences(of: "%@", with: "now()"))
                """
            ).rows[0]
            let fence = try now.decode(0, as: UInt64.self)
            let from = previous?.fenceTransactionId ?? 0
            // A stream's last covered event is the one of highest version below the fence; a
            // transaction that got its id early can append after a younger one has committed,
            // so that need not be the last event below the previous fence plus the new ones.
            let moved = try await pool.query(
                """
                SELECT DISTINCT ON (e.stream_id) e.stream_id, e.stream_version, e.hash
                FROM events e
                WHERE e.stream_id IN (SELECT m.stream_id FROM events m
                                      WHERE m.transaction_id >= $1::xid8 AND m.transaction_id < $2::xid8)
                  AND e.transaction_id < $2::xid8
                ORDER BY e.stream_id, e.stream_version DESC
                """, [String(from), String(fence)]
            ).rows.map { StreamHead(streamId: try $0.decode(0), version: try $0.decode(1), hash: try $0.decode(2)) }
            return SealDraft(
                previous: previous, fenceTransactionId: max(fence, from), sealedAt: try now.decode(1), movedHeads: moved)
        }
    }

    /// The first stream whose latest sealed head is no longer in the log as sealed (its event gone
    /// or its hash another), if any: one index lookup per sealed stream.
    public func firstSealedHeadChanged() async throws -> (head: StreamHead, sealId: Int64, now: Data?)? {
        try await translatingFailures {
            try await pool.query(
                """
                SELECT h.stream_id, h.stream_version, h.hash, h.seal_id, e.hash
                FROM (SELECT DISTINCT ON (stream_id) stream_id, seal_id, stream_version, hash
                      FROM audit_seal_heads ORDER BY stream_id, seal_id DESC) h
                LEFT JOIN events e ON e.stream_id = h.stream_id AND e.stream_version = h.stream_version
                WHERE e.hash IS DISTINCT FROM h.hash
                ORDER BY h.stream_id
                LIMIT 1
                """
            ).rows.first.map { row in
                (StreamHead(streamId: try row.decode(0), version: try row.decode(1), hash: try row.decode(2)),
                 try row.decode(3), try row.decode(4, as: Data?.self))
            }
        }
    }

    /// Stores a seal and the heads it moved, in one transaction. Two sealers racing for the same
    /// seal id: one stores, the other gets `EventStoreError.sealTaken`.
    public func store(seal: SealRecord, movedHeads: [StreamHead]) async throws {
        try await translatingFailures {
            do {
                try await pool.withTransaction { transaction in
                    try await transaction.query(
                        """
                        INSERT INTO audit_seals (seal_id, fence_transaction_id, sealed_at, stream_count, event_count,
                                                 merkle_root, previous_digest, public_key, signature)
                        VALUES ($1, $2::xid8, $3::timestamptz, $4, $5, $6, $7, $8, $9)
                        """,
                        [seal.sealId, String(seal.fenceTransactionId), seal.sealedAt, seal.streamCount, seal.eventCount,
                         seal.merkleRoot, seal.previousDigest, seal.publicKey, seal.signature])
                    try await transaction.query(
                        """
                        INSERT INTO audit_seal_heads (seal_id, stream_id, stream_version, hash)
                        SELECT $1, u.stream_id, u.stream_version, decode(u.hash, 'hex')
                        FROM unnest($2::text[], $3::bigint[], $4::text[]) AS u(stream_id, stream_version, hash)
                        """,
                        [seal.sealId, movedHeads.map(\.streamId), movedHeads.map(\.version),
                         movedHeads.map { $0.hash.map { String(format: "%02x", $0) }.joined() }])
                }
            } catch let error as PostgresError where error.sqlState == .uniqueViolation {
                throw EventStoreError.sealTaken(sealId: seal.sealId)
            }
        }
    }
}

extension SealRecord {
    init(row: PostgresRow) throws {
        self.init(
            sealId: try row.decode(0), fenceTransactionId: try row.decode(1, as: UInt64.self), sealedAt: try row.decode(2),
            streamCount: try row.decode(3), eventCount: try row.decode(4), merkleRoot: try row.decode(5),
            previousDigest: try row.decode(6), publicKey: try row.decode(7), signature: try row.decode(8))
    }
}
