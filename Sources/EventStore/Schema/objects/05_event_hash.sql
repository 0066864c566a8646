-- What an event's hash covers, as one text that anyone can rebuild from an audit export: seven
-- fields joined by line feeds (none of them can hold a raw line feed: ids and types are plain
-- words, and jsonb's text escapes control characters):
--
--   stream_id LF stream_version LF event_type LF schema_version LF data LF metadata LF recorded_at
--
-- where data and metadata are jsonb's own text (`data::text`: keys ordered by length, then by
-- bytes; ", " and ": " between items) and recorded_at is UTC with microseconds,
-- `2026-03-09T20:46:31.305123Z`. The hash is SHA-256 of the previous event's hash (nothing for
-- a stream's first event) followed by the UTF-8 bytes of that text.
CREATE OR REPLACE FUNCTION event_canonical_text(
    p_stream_id text, p_stream_version bigint, p_event_type text, p_schema_version integer,
    p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT p_stream_id || E'\n' || p_stream_version::text || E'\n' || p_event_type || E'\n'
        || p_schema_version::text || E'\n' || p_data::text || E'\n' || p_metadata::text || E'\n'
        || to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE OR REPLACE FUNCTION event_hash(
    p_previous bytea, p_stream_id text, p_stream_version bigint, p_event_type text,
    p_schema_version integer, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(coalesce(p_previous, ''::bytea) || convert_to(event_canonical_text(
        p_stream_id, p_stream_version, p_event_type, p_schema_version, p_data, p_metadata, p_recorded_at), 'UTF8'))
$$;

-- The hashes of an append's events: each SHA-256 of the one before (p_previous for the first)
-- followed by the UTF-8 of the event's canonical text.
CREATE OR REPLACE FUNCTION chain_hashes(p_previous bytea, p_texts text[]) RETURNS bytea[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_hash   bytea := coalesce(p_previous, ''::bytea);
    v_hashes bytea[] := '{}';
BEGIN
    FOR i IN 1..coalesce(cardinality(p_texts), 0) LOOP
        v_hash := sha256(v_hash || convert_to(p_texts[i], 'UTF8'));
        v_hashes[i] := v_hash;
    END LOOP;
    RETURN v_hashes;
END;
$$;

