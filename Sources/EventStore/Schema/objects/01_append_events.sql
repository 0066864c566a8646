-- Appends a command's events to one stream in one statement, or refuses them all. It runs with
-- its owner's rights and a pinned search_path, so a caller allowed to execute it (the service's
-- role) appends only through it and can never insert events or move a stream's version itself.
--
-- Each event gets its hash here (see event_hash), chained from the stream's previous event (whose
-- hash the streams row keeps, see last_hashes), so no caller can supply a wrong one; recorded_at
-- is the transaction's time, which the hash covers.
--
-- p_expected_version: -1 any version, 0 the stream must not exist, n the stream must be at n.
-- The version check is a compare-and-set on streams: under READ COMMITTED a concurrent writer
-- of the same stream waits for the first to finish, then re-checks against the committed
-- version, so exactly one of them wins each version and the other gets SQLSTATE CE409
-- (wrong expected version). DETAIL of that error is the stream's current version, or empty when
-- the stream does not exist.
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
    v_recorded timestamptz := now();
    v_recorded_text text;
    v_head     bytea;
    v_texts    text[] := '{}';
    v_hashes   bytea[];
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

    IF p_expected_version > 0 THEN
        v_previous := p_expected_version;
    ELSIF p_expected_version = 0 THEN
        v_previous := 0;
    ELSIF p_expected_version = -1 THEN
        -- Any version: the versions the events take are known once the row is held.
        INSERT INTO streams AS s (stream_id, stream_type, version)
        VALUES (p_stream_id, p_stream_type, v_count)
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
        RETURNING s.version - v_count, s.last_hashes[cardinality(s.last_hashes)] INTO v_previous, v_head;
    ELSE
        RAISE EXCEPTION 'expected version % is not -1 (any), 0 (no stream) or a version', p_expected_version
            USING ERRCODE = '22023';
    END IF;

    -- event_canonical_text, written out: a plain expression costs a fraction of a function call.
    -- The time is the same for every event of the append: its text is made once.
    v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    IF v_count > 1 OR p_expected_version <= 0 THEN
        FOR i IN 1..v_count LOOP
            v_texts[i] := p_stream_id || E'\n' || (v_previous + i)::text || E'\n' || p_event_types[i] || E'\n'
                || p_schema_versions[i]::text || E'\n' || p_data[i]::text || E'\n' || p_metadata[i]::text || E'\n'
                || v_recorded_text;
        END LOOP;
    END IF;

    IF p_expected_version > 0 THEN
        -- The compare-and-set moves the version and chains the events from the head hash the
        -- row holds, in one statement; one event, the common case, as one expression.
        UPDATE streams s SET version = s.version + v_count,
            last_hashes = CASE WHEN v_count = 1
                THEN ARRAY[sha256(coalesce(s.last_hashes[cardinality(s.last_hashes)], ''::bytea) || convert_to(
                    p_stream_id || E'\n' || (v_previous + 1)::text || E'\n' || p_event_types[1] || E'\n'
                    || p_schema_versions[1]::text || E'\n' || p_data[1]::text || E'\n' || p_metadata[1]::text || E'\n'
                    || v_recorded_text, 'UTF8'))]
                ELSE chain_hashes(s.last_hashes[cardinality(s.last_hashes)], v_texts) END
        WHERE s.stream_id = p_stream_id AND s.version = p_expected_version
        RETURNING s.last_hashes INTO v_hashes;
        IF NOT FOUND THEN
            SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = p_stream_id;
            RAISE EXCEPTION 'wrong expected version for stream %: expected %, found %',
                p_stream_id, p_expected_version, coalesce(v_current::text, 'no stream')
                USING ERRCODE = 'CE409', DETAIL = coalesce(v_current::text, '');
        END IF;
    ELSIF p_expected_version = 0 THEN
        v_hashes := chain_hashes(NULL, v_texts);
        INSERT INTO streams (stream_id, stream_type, version, last_hashes)
        VALUES (p_stream_id, p_stream_type, v_count, v_hashes)
        ON CONFLICT (stream_id) DO NOTHING;
        IF NOT FOUND THEN
            SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = p_stream_id;
            RAISE EXCEPTION 'wrong expected version for stream %: expected no stream, found version %',
                p_stream_id, v_current
                USING ERRCODE = 'CE409', DETAIL = coalesce(v_current::text, '');
        END IF;
    ELSE
        v_hashes := chain_hashes(v_head, v_texts);
        UPDATE streams s SET last_hashes = v_hashes WHERE s.stream_id = p_stream_id;
    END IF;

    IF v_count = 1 THEN
        RETURN QUERY
        INSERT INTO events AS e (stream_id, stream_version, event_type, schema_version, data, metadata, recorded_at, hash)
        VALUES (p_stream_id, v_previous + 1, p_event_types[1], p_schema_versions[1], p_data[1], p_metadata[1], v_recorded, v_hashes[1])
        RETURNING e.stream_version, e.global_position, e.transaction_id;
        RETURN;
    END IF;
    RETURN QUERY
    INSERT INTO events AS e (stream_id, stream_version, event_type, schema_version, data, metadata, recorded_at, hash)
    SELECT p_stream_id, v_previous + u.ordinality, u.event_type, u.schema_version, u.data, u.metadata, v_recorded, u.hash
    FROM unnest(p_event_types, p_schema_versions, p_data, p_metadata, v_hashes)
         WITH ORDINALITY AS u(event_type, schema_version, data, metadata, hash, ordinality)
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
REVOKE EXECUTE ON FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) FROM PUBLIC;
