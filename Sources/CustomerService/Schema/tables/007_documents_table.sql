-- One row per uploaded document: its metadata, hash and review status. The bytes are in
-- document_contents, stored once per hash.
CREATE TABLE documents (
    id            text        PRIMARY KEY,
    customer_id   text        NOT NULL,
    target        text        NOT NULL,
    target_id     text        NOT NULL,
    document_type text        NOT NULL,
    status        text        NOT NULL,
    sha256        text        NOT NULL,
    view          json        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX documents_by_customer ON documents (customer_id, created_at);
CREATE INDEX documents_by_target ON documents (target_id);
