-- A claim walks each subscription's open deliveries by when they are due (and, due together, in
-- log order) and stops once it has enough, instead of ranking every open delivery; it counts a
-- subscription's deliveries in flight from the few that are sending.
DROP INDEX webhook_deliveries_open;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (subscription_id, next_attempt_at, transaction_id, global_position)
    WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_sending ON webhook_deliveries (subscription_id) WHERE status = 'sending';

-- A delivery goes only when it heads its queue (its subscription and customer) in log order. The
-- queue is one column, so the lookup of a queue's head has one index to take, in order, whatever
-- the table's statistics say (with two columns it could take the due index and sort).
ALTER TABLE webhook_deliveries ADD COLUMN queue text GENERATED ALWAYS AS (subscription_id || ' ' || customer_id) STORED;
DROP INDEX webhook_deliveries_in_order;
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (queue, transaction_id, global_position)
    WHERE status IN ('pending', 'sending');
