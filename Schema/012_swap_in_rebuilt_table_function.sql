-- Replaces a read-model table by its rebuilt shadow in one short step: the live table is
-- dropped and the shadow takes its name, and each of the shadow's indexes takes the name of
-- the live index with the same definition (constraint names are part of the contract with the
-- service, e.g. customers_email_per_type). Callers hold the lock that keeps writers out.
CREATE FUNCTION swap_in_rebuilt_table(p_live text, p_shadow text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_index record;
    v_names text[] := '{}';
    v_bodies text[] := '{}';
BEGIN
    -- What follows "ON <table>" identifies an index independently of its name and table.
    FOR v_index IN
        SELECT c.relname AS name,
               regexp_replace(pg_get_indexdef(i.indexrelid), '^.* ON \S+ ', '') AS body
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = to_regclass(p_live)
    LOOP
        v_names := v_names || v_index.name;
        v_bodies := v_bodies || v_index.body;
    END LOOP;

    EXECUTE format('DROP TABLE %I', p_live);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', p_shadow, p_live);

    FOR v_index IN
        SELECT c.relname AS name,
               regexp_replace(pg_get_indexdef(i.indexrelid), '^.* ON \S+ ', '') AS body
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = to_regclass(p_live)
    LOOP
        FOR i IN 1 .. coalesce(array_length(v_bodies, 1), 0) LOOP
            IF v_bodies[i] = v_index.body AND v_names[i] <> v_index.name THEN
                EXECUTE format('ALTER INDEX %I RENAME TO %I', v_index.name, v_names[i]);
            END IF;
        END LOOP;
    END LOOP;
END;
$$;
