-- The event log is append-only in the database itself, whatever the role, its owner included:
-- no event is ever edited or removed (erasure of personal data destroys keys, not events).
-- SQLSTATE CE403 names the refusal.
CREATE OR REPLACE FUNCTION refuse_event_log_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on events is refused', TG_OP
        USING ERRCODE = 'CE403',
              HINT = 'events are facts; record a new event instead of changing an old one';
END;
$$;

CREATE OR REPLACE TRIGGER events_refuse_update_and_delete
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_event_log_changes();

CREATE OR REPLACE TRIGGER events_refuse_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_log_changes();
