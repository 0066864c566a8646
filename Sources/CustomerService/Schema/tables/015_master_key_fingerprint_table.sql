-- A fingerprint (an HMAC, not the key) of the master key that wraps the customer keys. A service
-- started with another master key refuses to start, instead of failing on every customer.
CREATE TABLE master_key_fingerprint (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text    NOT NULL
);
