-- The event log: every fact the service knows, append-only, in commit-safe order.
--
-- transaction_id is the writing transaction's xid8. Tailing readers order by
-- (transaction_id, global_position) and only read rows whose transaction_id is below the oldest
-- transaction still running (the xid fence), so no event can ever commit behind a reader's
-- checkpoint. global_position alone is not safe to tail: identity values are drawn at insert
-- time, so a transaction holding a low position can commit after one holding a higher position.
CREATE TABLE events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL CHECK (stream_version > 0),
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL DEFAULT 1 CHECK (schema_version > 0),
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);

CREATE INDEX events_transaction_order ON events (transaction_id, global_position);
