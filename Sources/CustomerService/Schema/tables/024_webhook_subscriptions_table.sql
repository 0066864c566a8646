-- Webhook subscriptions. The secret is stored sealed (AES-GCM under the master key, bound to the
-- subscription's id), never in plain text. Each subscription schedules the notifications after
-- its cursor (a log position), starting from the log's head when it was created.
CREATE TABLE webhook_subscriptions (
    id                     text        PRIMARY KEY,
    url                    text        NOT NULL,
    events                 text[]      NOT NULL,
    description            text,
    enabled                boolean     NOT NULL DEFAULT true,
    sealed_secret          bytea       NOT NULL,
    cursor_transaction_id  xid8        NOT NULL DEFAULT '0',
    cursor_global_position bigint      NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
