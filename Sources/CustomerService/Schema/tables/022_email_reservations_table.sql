-- An email belongs to one customer of each type. The creating command writes the reservation
-- in its own transaction, keyed by the type and the normalised (lower-cased) address, so the
-- database arbitrates concurrent creations: the loser's whole command rolls back. Read models
-- carry no invariant: the unique index on customers goes, a plain one serves the email filter.
CREATE TABLE email_reservations (
    customer_type text        NOT NULL,
    email_key     text        NOT NULL,
    customer_id   text        NOT NULL,
    reserved_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_type, email_key)
);

-- Every email already in the log keeps its customer (the first creation of each, as the unique
-- index had it).
INSERT INTO email_reservations (customer_type, email_key, customer_id, reserved_at)
SELECT CASE e.event_type WHEN 'IndividualCustomerCreated' THEN 'individual' ELSE 'business' END,
       lower(e.data->>'email'), e.stream_id, e.recorded_at
FROM events e
WHERE e.event_type IN ('IndividualCustomerCreated', 'BusinessCustomerCreated')
ORDER BY e.global_position
ON CONFLICT DO NOTHING;

DROP INDEX customers_email_per_type;
CREATE INDEX customers_by_email ON customers (type, lower(email));
