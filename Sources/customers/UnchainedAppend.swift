/// `bench append`'s third contender: `append_events` without the hash chain: the same
/// compare-and-set, single-event insert, privileges and pinned search path. It replaces the real function in a
/// second scratch schema, so the same client code appends through either and the difference
/// measured in one run is what the chain costs.
enum UnchainedAppend {
    static let install = #"""
CREATE OR REPLACE FUNCTION append_events(
    p_stream_id        text,
    p_stream_type      text,
    p_expected_version bigint,
    p_event_types      text[],
    p_schema_versions  integer[],
    p_data             jsonb[],
    p_metadata         jsonb[]
) RETURNS TABLE (
    appended_version        bigint,
    appended_position       bigint,
    appended_transaction_id xid8
)
LANGUAGE plpgsql AS $$
DECLARE
    v_count    integer := coalesce(cardinality(p_event_types), 0);
    v_previous bigint;
    v_current  bigint;
BEGIN
    IF v_count = 0 THEN
        RAISE EXCEPTION 'append to stream % has no events', p_stream_id USING ERRCODE = '22023';
    END IF;
    IF coalesce(cardinality(p_schema_versions), 0) <> v_count
       OR coalesce(cardinality(p_data), 0) <> v_count
       OR coalesce(cardinality(p_metadata), 0) <> v_count THEN
        RAISE EXCEPTION 'append to stream %: % event types but % schema versions, % data, % metadata',
            p_stream_id, v_count, cardinality(p_schema_versions), cardinality(p_data), cardinality(p_metadata)
            USING ERRCODE = '22023';
    END IF;

    IF p_expected_version = -1 THEN
        INSERT INTO streams AS s (stream_id, stream_type, version)
        VALUES (p_stream_id, p_stream_type, v_count)
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
        RETURNING s.version - v_count INTO v_previous;
    ELSIF p_expected_version = 0 THEN
        INSERT INTO streams (stream_id, stream_type, version)
        VALUES (p_stream_id, p_stream_type, v_count)
        ON CONFLICT (stream_id) DO NOTHING;
        IF NOT FOUND THEN
            SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = p_stream_id;
            RAISE EXCEPTION 'wrong expected version for stream %: expected no stream, found version %',
                p_stream_id, v_current
                USING ERRCODE = 'CE409', DETAIL = coalesce(v_current::text, '');
        END IF;
        v_previous := 0;
    ELSIF p_expected_version > 0 THEN
        UPDATE streams s SET version = s.version + v_count
        WHERE s.stream_id = p_stream_id AND s.version = p_expected_version;
        IF NOT FOUND THEN
            SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = p_stream_id;
            RAISE EXCEPTION 'wrong expected version for stream %: expected %, found %',
                p_stream_id, p_expected_version, coalesce(v_current::text, 'no stream')
                USING ERRCODE = 'CE409', DETAIL = coalesce(v_current::text, '');
        END IF;
        v_previous := p_expected_version;
    ELSE
        RAISE EXCEPTION 'expected version % is not -1 (any), 0 (no stream) or a version', p_expected_version
            USING ERRCODE = '22023';
    END IF;

    IF v_count = 1 THEN
        RETURN QUERY
        INSERT INTO events AS e (stream_id, stream_version, event_type, schema_version, data, metadata)
        VALUES (p_stream_id, v_previous + 1, p_event_types[1], p_schema_versions[1], p_data[1], p_metadata[1])
        RETURNING e.stream_version, e.global_position, e.transaction_id;
        RETURN;
    END IF;
    RETURN QUERY
    INSERT INTO events AS e (stream_id, stream_version, event_type, schema_version, data, metadata)
    SELECT p_stream_id, v_previous + u.ordinality, u.event_type, u.schema_version, u.data, u.metadata
    FROM unnest(p_event_types, p_schema_versions, p_data, p_metadata)
         WITH ORDINALITY AS u(event_type, schema_version, data, metadata, ordinality)
    ORDER BY u.ordinality
    RETURNING e.stream_version, e.global_position, e.transaction_id;
END;
$$;

DO $$
BEGIN
    EXECUTE format(
        'ALTER FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) '
        'SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END;
$$;
ALTER TABLE events ALTER COLUMN hash DROP NOT NULL;
"""#
}
