-- One data key per customer seals the personal fields of its events (names, date of birth, tax
-- identification number). Each key is stored wrapped by the master key (CUSTOMERS_MASTER_KEY)
-- and bound to its customer id. Forgetting a customer destroys its key: the row stays, without
-- the key, as the record of when it was destroyed, and the sealed fields can never be read again.
CREATE TABLE customer_keys (
    customer_id  text        PRIMARY KEY,
    wrapped_key  bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    destroyed_at timestamptz,
    CONSTRAINT customer_keys_destroyed_without_key CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
