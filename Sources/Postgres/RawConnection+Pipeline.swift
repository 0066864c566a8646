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
        for index in statements.indices {
            let result = PQgetResult(handle)
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do { results.append(try consume(result, handle: handle)) } catch var error as PostgresError {
                    error.statementIndex = index
                    firstError = firstError ?? error
                }
            }
            // Each statement's results end with a NULL.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync point commits the pipeline's transaction: only its confirmation makes the
        // batch a success. An error there (the session ended at the commit) fails the batch.
        do {
            if let commitError = try awaitSync(handle) { firstError = firstError ?? commitError }
        } catch let lost as PostgresError {
            // A statement the server refused rolled the batch back for certain: that refusal is
            // the answer, even if the connection then went too.
            if let firstError, firstError.kind == .server { throw firstError }
            throw lost
        }
        if let firstError { throw firstError }
        return results
    }

    /// Reads up to the pipeline's sync result; returns the error reported instead of it, if any.
    /// Throws when the connection ended before the sync came: whether the transaction committed
    /// is then unknown, and the batch must not count as done.
    private func awaitSync(_ handle: OpaquePointer) throws -> PostgresError? {
        var reported: PostgresError?
        var emptyReads = 0
        while emptyReads < 3 {
            guard let result = PQgetResult(handle) else {
                // NULL ends an error's result set; the sync follows, unless the session is gone.
                if PQstatus(handle) != CONNECTION_OK { break }
                emptyReads += 1
                continue
            }
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_SYNC {
                PQclear(result)
                return reported
            }
            if status == PGRES_FATAL_ERROR {
                reported = reported ?? error(from: result, handle: handle)
            }
            PQclear(result)
        }
        throw reported ?? PostgresError(
            kind: .connectionLost, message: "the connection ended before the server confirmed the commit")
    }
}
