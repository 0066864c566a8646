-- customers_service: the role the service runs as, with exactly what serving needs. It reads
-- events and appends them only through append_events; it replaces read-model rows, records
-- idempotency keys, reservations, checkpoints and document bytes, makes customer keys and
-- destroys them (the columns forgetting touches); it cannot create, alter, drop or truncate
-- anything, edit an event, move a stream's version, delete a key or swap rebuilt tables in.
-- Rebuilds and migrations run as the owner. Creating the role needs CREATEROLE once per
-- cluster; a role created beforehand is kept. This file states the role's whole privileges:
-- everything is revoked first, then granted, so re-applying it converges on this list.
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
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM customers_service', current_schema());
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM customers_service', current_schema());
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA %I FROM customers_service', current_schema());
END;
$$;

GRANT SELECT ON events, streams TO customers_service;
GRANT EXECUTE ON FUNCTION append_events(text, text, bigint, text[], integer[], jsonb[], jsonb[]) TO customers_service;
GRANT EXECUTE ON FUNCTION check_stream_version(text, bigint) TO customers_service;
GRANT EXECUTE ON FUNCTION store_customer_key(text, bytea, text) TO customers_service;
GRANT SELECT, INSERT, DELETE ON customers, verification_profiles, business_representatives, documents TO customers_service;
GRANT SELECT, INSERT ON master_key_fingerprint TO customers_service;
GRANT SELECT ON master_key_history TO customers_service;
-- Forgetting deletes a customer's reservations and document bytes; serving indexes reservations
-- made before the blind index (their key becomes the index, see EmailIndex).
GRANT SELECT, INSERT, DELETE ON document_contents, document_files, email_reservations TO customers_service;
GRANT UPDATE (email_key) ON email_reservations TO customers_service;
GRANT SELECT, INSERT, UPDATE ON projector_checkpoints, customer_activity TO customers_service;
GRANT SELECT, INSERT, UPDATE (response, erased_at) ON command_log TO customers_service;
GRANT SELECT, INSERT, UPDATE (wrapped_key, destroyed_at) ON customer_keys TO customers_service;
GRANT SELECT, INSERT ON notifications TO customers_service;
GRANT SELECT, INSERT, DELETE ON webhook_subscriptions TO customers_service;
GRANT UPDATE (url, events, description, enabled, sealed_secret, cursor_transaction_id, cursor_global_position, updated_at)
    ON webhook_subscriptions TO customers_service;
GRANT SELECT, INSERT ON webhook_deliveries TO customers_service;
GRANT UPDATE (status, attempts, next_attempt_at, lease_until, first_attempt_at, last_status_code, last_error, updated_at)
    ON webhook_deliveries TO customers_service;
GRANT SELECT, INSERT ON webhook_delivery_attempts TO customers_service;
GRANT SELECT ON schema_migrations, schema_objects TO customers_service;
GRANT SELECT, INSERT ON audit_seals, audit_seal_heads TO customers_service;
