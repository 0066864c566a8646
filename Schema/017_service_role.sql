-- customers_service: the role `customers serve` runs as (CUSTOMERS_DATABASE_ROLE), with only
-- what serving needs. It reads and appends events but cannot change them (the triggers of 013
-- stop even the owner); it replaces read-model rows, records idempotency keys and checkpoints,
-- makes and destroys customer keys; it cannot create, alter or drop anything, delete a key, or
-- touch the migrations. Rebuilds and migrations run as the owner, from the command line.
-- Creating the role needs CREATEROLE once per cluster; a role created beforehand is kept.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'customers_service') THEN
        CREATE ROLE customers_service NOLOGIN;
    END IF;
EXCEPTION
    -- Another database or schema of the cluster created it at the same moment.
    WHEN duplicate_object OR unique_violation THEN NULL;
END;
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO customers_service', current_schema());
END;
$$;

GRANT SELECT, INSERT ON events TO customers_service;
GRANT USAGE ON SEQUENCE events_global_position_seq TO customers_service;
GRANT SELECT, INSERT, UPDATE ON streams TO customers_service;
GRANT SELECT, INSERT, DELETE ON customers, verification_profiles, business_representatives, documents TO customers_service;
GRANT SELECT, INSERT ON document_contents TO customers_service;
GRANT SELECT, INSERT, UPDATE ON command_log TO customers_service;
GRANT SELECT, INSERT, UPDATE ON projector_checkpoints TO customers_service;
GRANT SELECT, INSERT ON customer_activity TO customers_service;
GRANT SELECT, INSERT, UPDATE ON customer_keys TO customers_service;
GRANT SELECT, INSERT ON master_key_fingerprint TO customers_service;
GRANT SELECT ON schema_migrations TO customers_service;
