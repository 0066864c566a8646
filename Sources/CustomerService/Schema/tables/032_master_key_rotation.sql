-- Rotating the master key (`customers keys rotate-master`): each customer key is first wrapped
-- under the new master key beside the old wrapping (rewrapped_key), in batches, while serving
-- goes on with the old one; then one transaction moves every key, webhook secret and email index
-- to the new key and the fingerprint with them. master_key_rotation marks a rotation under way
-- (resumed by running the command again), master_key_history the keys rotated away.
ALTER TABLE customer_keys ADD COLUMN rewrapped_key bytea;

CREATE TABLE master_key_rotation (
    singleton       boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    new_fingerprint text        NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE master_key_history (
    fingerprint text        PRIMARY KEY,
    retired_at  timestamptz NOT NULL DEFAULT now()
);
