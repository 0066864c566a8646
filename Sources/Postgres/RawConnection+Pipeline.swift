import CLibPQ

extension RawConnection {
    /// Sends every statement before reading any result: one round trip for the batch. The
    /// batch runs in one implicit transaction; the first error aborts the rest and is thrown.
    func pipeline(_ statements: [Statement]) throws -> [QueryResult] {
        let handle = try liveHandle()
        // Preparing inside the pipeline would need its own result handling; prepare first.
        let names = try statements.map { try preparedName(for: $0.sql, handle: handle) }
        guard PQenterPipelineMode(handle) == 1 else { throw clientError(handle, "cannot enter pipeline mode") }
        defer { _ = PQexitPipelineMode(handle) }
        for (statement, name) in zip(statements, names) {
            let sent = withParameterPointers(statement.parameters) { values, lengths, formats in
                PQsendQueryPrepared(handle, name, Int32(statement.parameters.count), values, lengths, formats, 0)
            }
            guard sent == 1 else { throw connectionOrClientError(handle, "cannot send a pipelined statement") }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionOrClientError(handle, "cannot sync the pipeline") }

        var results: [QueryResult] = []
        var firstError: PostgresError?
        for _ in statements {
            let result = PQgetResult(handle)
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do { results.append(try consume(result, handle: handle)) } catch let error as PostgresError {
                    firstError = firstError ?? error
                }
            }
            // Each statement's results end with a NULL.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync point closes the pipeline's transaction.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let firstError { throw firstError }
        return results
    }
}
