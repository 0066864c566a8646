-- Events per day and type, kept by the asynchronous customer_activity projector (UTC days).
CREATE TABLE customer_activity (
    day        date   NOT NULL,
    event_type text   NOT NULL,
    events     bigint NOT NULL CHECK (events > 0),
    PRIMARY KEY (day, event_type)
);
