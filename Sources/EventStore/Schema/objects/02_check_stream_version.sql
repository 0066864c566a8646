-- Checks, without appending, that a stream is at the version a writer read, and holds it there
-- (FOR SHARE) until the caller's transaction ends: a concurrent append waits, so whatever the
-- caller records beside the check (a stored response) rests on a version that stays current
-- until it commits. A stream at another version raises CE409, as append_events does.
--
-- p_expected_version: -1 any version, 0 the stream must not exist, n the stream must be at n.
CREATE OR REPLACE FUNCTION check_stream_version(p_stream_id text, p_expected_version bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_current bigint;
BEGIN
    SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = p_stream_id FOR SHARE;
    IF p_expected_version = -1 OR coalesce(v_current, 0) = p_expected_version THEN
        RETURN;
    END IF;
    RAISE EXCEPTION 'wrong expected version for stream %: expected %, found %',
        p_stream_id, p_expected_version, coalesce(v_current::text, 'no stream')
        USING ERRCODE = 'CE409', DETAIL = coalesce(v_current::text, '');
END;
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION check_stream_version(text, bigint) SET search_path = %I, pg_temp', current_schema());
END;
$$;
REVOKE EXECUTE ON FUNCTION check_stream_version(text, bigint) FROM PUBLIC;
