-- One delivery of one notification to one subscription, and where it stands: pending (its next
-- attempt at next_attempt_at), sending (claimed by a worker until lease_until), delivered, or
-- failed once the retries are spent. Per subscription and customer, a delivery waits until
-- every earlier one is delivered or failed, so a customer's notifications arrive in log order.
CREATE TABLE webhook_deliveries (
    id               text        PRIMARY KEY,
    subscription_id  text        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    notification_id  text        NOT NULL,
    customer_id      text        NOT NULL,
    transaction_id   xid8        NOT NULL,
    global_position  bigint      NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,
    first_attempt_at timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, notification_id)
);

-- What a worker looks for: the open deliveries, by when they are due.
CREATE INDEX webhook_deliveries_open ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
-- The head of each subscription's queue per customer.
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (subscription_id, customer_id, transaction_id, global_position)
    WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_listed ON webhook_deliveries (subscription_id, created_at DESC, id DESC);
