-- Where each asynchronous projector has read to, as the xid-fence pair it last applied. A runner
-- moves it with a compare-and-set in the same transaction as the projector's rows, so every
-- event's effect is applied exactly once. A failing event parks the projector: the failure and
-- the event's position stay here until an operator resumes it.
CREATE TABLE projector_checkpoints (
    projector              text        PRIMARY KEY,
    transaction_id         xid8        NOT NULL DEFAULT '0',
    global_position        bigint      NOT NULL DEFAULT 0,
    events_applied         bigint      NOT NULL DEFAULT 0,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    failure                text,
    failed_transaction_id  xid8,
    failed_global_position bigint,
    failed_at              timestamptz
);
