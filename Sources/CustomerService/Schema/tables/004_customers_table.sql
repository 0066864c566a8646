-- The customers read model: one row per customer, written in the same transaction as the
-- events that changed it, from the state the command handler folded (so it always equals the
-- fold of the log).
--
-- view is the response body exactly as the service rendered it (json keeps the text as given;
-- jsonb would reorder keys). The other columns exist to filter, search and page.
CREATE TABLE customers (
    id             text        PRIMARY KEY,
    type           text        NOT NULL,
    email          text        NOT NULL,
    status         text        NOT NULL,
    search_text    text        NOT NULL,
    view           json        NOT NULL,
    stream_version bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- The list is newest first; id breaks ties so pages never overlap.
CREATE INDEX customers_newest_first ON customers (created_at DESC, id DESC);

-- An email belongs to one customer of each type. The database arbitrates concurrent creations:
-- the loser's whole command (events included) rolls back with a unique violation.
CREATE UNIQUE INDEX customers_email_per_type ON customers (type, lower(email));
