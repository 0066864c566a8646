-- Gives the events written before hashes existed their chain, once: each stream from its first
-- event on, with the same event_hash that append_events uses. The log's own trigger refuses any
-- UPDATE, so it is set aside for this one statement, inside the migration's transaction.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM events WHERE hash IS NULL) THEN
        RETURN;
    END IF;
    ALTER TABLE events DISABLE TRIGGER events_refuse_update_and_delete;
    WITH RECURSIVE chain AS (
        SELECT e.global_position, e.stream_id, e.stream_version,
               event_hash(NULL, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at) AS hash
        FROM events e
        WHERE e.stream_version = 1
        UNION ALL
        SELECT n.global_position, n.stream_id, n.stream_version,
               event_hash(c.hash, n.stream_id, n.stream_version, n.event_type, n.schema_version, n.data, n.metadata, n.recorded_at)
        FROM chain c
        JOIN events n ON n.stream_id = c.stream_id AND n.stream_version = c.stream_version + 1
    )
    UPDATE events e SET hash = chain.hash FROM chain WHERE e.global_position = chain.global_position;
    ALTER TABLE events ENABLE TRIGGER events_refuse_update_and_delete;
END;
$$;

ALTER TABLE events ALTER COLUMN hash SET NOT NULL;
