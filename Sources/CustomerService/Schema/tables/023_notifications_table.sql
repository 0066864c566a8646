-- The outbox: one notification per customer event, written behind the xid fence by the
-- asynchronous notifications projector, in the order tailing readers see the log. The id is the
-- event's log position (`event_` + the transaction id and the global position in hex), so a
-- rebuild or a second instance gives the same change the same id. The payload is not stored:
-- it is the customer (or document) as of `stream_version`, folded from the log when it is read,
-- so it shows personal data exactly as the API does (erased once the customer is forgotten).
CREATE TABLE notifications (
    id              text        PRIMARY KEY,
    name            text        NOT NULL,
    customer_id     text        NOT NULL,
    document_id     text,
    stream_version  bigint      NOT NULL,
    transaction_id  xid8        NOT NULL,
    global_position bigint      NOT NULL,
    created_at      timestamptz NOT NULL
);

-- The feed and the webhook scheduler read in log order after a cursor.
CREATE UNIQUE INDEX notifications_in_log_order ON notifications (transaction_id, global_position);
