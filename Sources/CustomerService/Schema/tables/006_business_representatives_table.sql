-- One row per business representative, living in its business customer's stream.
CREATE TABLE business_representatives (
    id          text        PRIMARY KEY,
    customer_id text        NOT NULL,
    email       text        NOT NULL,
    status      text        NOT NULL,
    view        json        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX business_representatives_by_customer ON business_representatives (customer_id, created_at);
