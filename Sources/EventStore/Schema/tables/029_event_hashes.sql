-- Tamper evidence: every event carries hash = SHA-256(the previous event's hash in its stream ‖
-- the UTF-8 of its canonical text), computed by append_events (see event_canonical_text). An
-- edited, removed or reordered event breaks its stream's chain from there on. Events written
-- before this column get their chain once, from the schema object that fills it in.
ALTER TABLE events ADD COLUMN hash bytea;
