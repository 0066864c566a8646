-- The hashes of each stream's last append, the last one being its head: the next append chains
-- from it as it moves the stream's version, in the same statement, instead of looking the head
-- event up. A cache of events.hash, written only by append_events; audit verify never reads it.
ALTER TABLE streams ADD COLUMN last_hashes bytea[];
