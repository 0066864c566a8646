-- Stores a customer's first data key, wrapped by the master key whose fingerprint the caller
-- names. After a master-key rotation, a process still running with the old key must not add a
-- key only the old one opens: the insert comes first (so it waits behind a rotation's lock on the
-- table), then the fingerprint is read again, by a statement of its own that sees what committed
-- meanwhile. SQLSTATE CE412 names the refusal. A database with no fingerprint yet takes any.
CREATE OR REPLACE FUNCTION store_customer_key(p_customer_id text, p_wrapped_key bytea, p_fingerprint text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_keys (customer_id, wrapped_key) VALUES (p_customer_id, p_wrapped_key);
    IF EXISTS (SELECT FROM master_key_fingerprint WHERE fingerprint <> p_fingerprint) THEN
        RAISE EXCEPTION 'the key of customer % is wrapped by a master key this database no longer uses', p_customer_id
            USING ERRCODE = 'CE412', HINT = 'the master key was rotated: restart with the new CUSTOMERS_MASTER_KEY';
    END IF;
END;
$$;
