-- customers_service narrowed to what it uses. It appends only through append_events, which now
-- runs with its owner's rights (and a pinned search_path), so the role itself can no longer
-- insert events or move a stream's version around the version check. It updates only the
-- columns forgetting a customer touches, and a destroyed key can never come back.
DO $$
BEGIN
    EXECUTE format(
        'ALTER FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) '
        'SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END;
$$;
REVOKE EXECUTE ON FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) TO customers_service;
REVOKE INSERT ON events FROM customers_service;
REVOKE INSERT, UPDATE ON streams FROM customers_service;

REVOKE UPDATE ON command_log FROM customers_service;
GRANT UPDATE (response, erased_at) ON command_log TO customers_service;
REVOKE UPDATE ON customer_keys FROM customers_service;
GRANT UPDATE (wrapped_key, destroyed_at) ON customer_keys TO customers_service;

-- Only the owner swaps rebuilt tables in.
REVOKE EXECUTE ON FUNCTION swap_in_rebuilt_table(text, text) FROM PUBLIC;

CREATE FUNCTION refuse_restoring_a_destroyed_key() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.wrapped_key IS NULL AND NEW.wrapped_key IS NOT NULL THEN
        RAISE EXCEPTION 'the key of customer % was destroyed and stays destroyed', OLD.customer_id
            USING ERRCODE = 'CE403';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER customer_keys_stay_destroyed
    BEFORE UPDATE ON customer_keys
    FOR EACH ROW EXECUTE FUNCTION refuse_restoring_a_destroyed_key();
