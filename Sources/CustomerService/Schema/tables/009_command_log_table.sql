-- Idempotency: the first response to each (actor, Idempotency-Key), written in the command's own
-- transaction, so a retried request either finds the complete response or finds nothing.
-- Keys belong to the API key that sent them: two callers cannot collide.
CREATE TABLE command_log (
    actor           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status_code     integer     NOT NULL,
    response        text        NOT NULL,
    stream_id       text,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
