-- An upload's bytes, sealed (AES-GCM) under its customer's data key and bound to the document:
-- once the customer is forgotten they can be read by no one, and forgetting deletes them too.
-- Replaces document_contents (bytes in plain text, shared by hash), which keeps the uploads made
-- before this table until their customers are forgotten.
CREATE TABLE document_files (
    document_id    text        PRIMARY KEY,
    customer_id    text        NOT NULL,
    mime_type      text        NOT NULL,
    size           bigint      NOT NULL CHECK (size >= 0),
    sealed_content bytea       NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX document_files_by_customer ON document_files (customer_id);
