-- Gives every stream written before streams.last_hashes existed its head's hash, once.
UPDATE streams s SET last_hashes = ARRAY[e.hash]
FROM events e
WHERE s.last_hashes IS NULL AND s.version > 0 AND e.stream_id = s.stream_id AND e.stream_version = s.version;
