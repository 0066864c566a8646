import CLibPQ

extension RawConnection {
    /// Runs one statement in single-row mode and hands its rows to `consume` in chunks of up to
    /// `chunkSize` as they arrive, so a result of any size is read in bounded memory.
    func stream(_ sql: String, _ parameters: [PostgresParameter], chunkSize: Int, consume: ([PostgresRow]) throws -> Void) throws {
        let handle = try liveHandle()
        let name = try preparedName(for: sql, handle: handle)
        let sent = withParameterPointers(parameters) { values, lengths, formats in
            PQsendQueryPrepared(handle, name, Int32(parameters.count), values, lengths, formats, 0)
        }
        guard sent == 1 else { throw connectionOrClientError(handle, "cannot send the statement") }
        guard PQsetSingleRowMode(handle) == 1 else { throw clientError(handle, "cannot enter single-row mode") }
        var chunk: [PostgresRow] = []
        chunk.reserveCapacity(chunkSize)
        var lookup: ColumnLookup?
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            // After a failure keep draining, so the connection is left ready for the next statement.
            guard failure == nil else { continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                let columns = lookup ?? ColumnLookup(Self.columns(of: result))
                lookup = columns
                chunk.append(PostgresRow(values: Self.values(of: result, row: 0), columns: columns))
                if chunk.count >= chunkSize {
                    do { try consume(chunk) } catch { failure = error }
                    chunk.removeAll(keepingCapacity: true)
                }
            case PGRES_TUPLES_OK:
                break
            default:
                failure = error(from: result, handle: handle)
            }
        }
        if let failure { throw failure }
        if !chunk.isEmpty { try consume(chunk) }
    }
}
