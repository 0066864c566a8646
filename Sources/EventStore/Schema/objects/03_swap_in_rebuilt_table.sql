-- Replaces a read-model table by its rebuilt shadow in one short step: the live table is
-- dropped and the shadow takes its name, its privileges (CREATE TABLE … LIKE copies no grants,
-- and without them the service's role could not write the rebuilt table), and for each of its
-- indexes the name of the live index with the same definition, so names stay canonical from one
-- rebuild to the next. Callers hold the lock that keeps writers out; only the owner may call it.
CREATE OR REPLACE FUNCTION swap_in_rebuilt_table(p_live text, p_shadow text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_index record;
    v_names text[] := '{}';
    v_bodies text[] := '{}';
    v_grants text[] := '{}';
    v_grant text;
BEGIN
    SELECT coalesce(array_agg(format('GRANT %s ON %I TO %s', a.privilege_type, p_live,
                                     CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)), '{}')
    INTO v_grants
    FROM pg_class c
    CROSS JOIN LATERAL aclexplode(c.relacl) a
    LEFT JOIN pg_roles r ON r.oid = a.grantee
    WHERE c.oid = to_regclass(p_live) AND a.grantee <> c.relowner;

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
    FOREACH v_grant IN ARRAY v_grants LOOP
        EXECUTE v_grant;
    END LOOP;

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

REVOKE EXECUTE ON FUNCTION swap_in_rebuilt_table(text, text) FROM PUBLIC;
