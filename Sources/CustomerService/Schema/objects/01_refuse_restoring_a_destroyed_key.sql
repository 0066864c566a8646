-- A destroyed customer key stays destroyed, for every role, its owner included: forgetting a
-- customer can never be undone by writing the wrapped key back. Destroying a key destroys the
-- copy a master-key rotation made of it too, so a rotation finishing later cannot bring it back.
CREATE OR REPLACE FUNCTION refuse_restoring_a_destroyed_key() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.wrapped_key IS NULL AND (NEW.wrapped_key IS NOT NULL OR NEW.rewrapped_key IS NOT NULL) THEN
        RAISE EXCEPTION 'the key of customer % was destroyed and stays destroyed', OLD.customer_id
            USING ERRCODE = 'CE403';
    END IF;
    IF NEW.wrapped_key IS NULL THEN
        NEW.rewrapped_key := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER customer_keys_stay_destroyed
    BEFORE UPDATE ON customer_keys
    FOR EACH ROW EXECUTE FUNCTION refuse_restoring_a_destroyed_key();
