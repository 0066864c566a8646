-- Document bytes, content-addressed: written once per SHA-256, never updated, outside the event
-- log (events record the hash and the metadata only).
CREATE TABLE document_contents (
    sha256     text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    mime_type  text        NOT NULL,
    size       bigint      NOT NULL CHECK (size >= 0),
    content    bytea       NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now()
);
