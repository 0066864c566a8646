import Postgres

/// The transaction-level advisory lock of one projector, whatever its kind: commands that write
/// an inline projector's rows hold it shared, the runner of an asynchronous one holds it
/// exclusively for each batch, and a rebuild holds it exclusively for its swap. Its key is
/// qualified by the schema, so copies of a projection in other schemas (benchmarks, tests) never
/// contend with it.
enum ProjectorLock {
    static func key(_ projector: String) -> String { "projector:" + projector }

    static func sharedStatement(_ projector: String) -> Statement {
        Statement("SELECT pg_advisory_xact_lock_shared(hashtext(current_schema() || '/' || $1))", [key(projector)])
    }

    static func exclusiveStatement(_ projector: String) -> Statement {
        Statement("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/' || $1))", [key(projector)])
    }

    /// Answers one boolean: whether the lock was free (and is now held).
    static func tryExclusiveStatement(_ projector: String) -> Statement {
        Statement("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '/' || $1))", [key(projector)])
    }
}
