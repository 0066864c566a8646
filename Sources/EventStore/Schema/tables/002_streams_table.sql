-- One row per stream holding its current version. Appending is a compare-and-set on this row
-- (see append_events), done before any event row, and so before any global_position is drawn.
CREATE TABLE streams (
    stream_id   text        PRIMARY KEY,
    stream_type text        NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
)
-- Every append updates its stream's row; free room on each page keeps those updates HOT
-- (no index entries, dead versions pruned in place).
WITH (fillfactor = 70);
