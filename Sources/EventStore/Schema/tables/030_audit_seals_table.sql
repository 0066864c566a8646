-- Seals: signed statements that the log up to a fence position was as it is. A seal covers, for
-- every stream, its last event whose transaction is older than the fence (that event's hash
-- chains all earlier ones), and signs the Merkle root over those heads with an Ed25519 key that
-- never enters the database; only its public half is kept here. Each seal also signs the digest
-- of the one before it, so no seal can be dropped or replaced unnoticed.
--
-- audit_seal_heads holds, per seal, the heads of the streams that moved since the previous seal:
-- folded from the first seal on, they give every stream's sealed head, which the root covers.
CREATE TABLE audit_seals (
    seal_id               bigint      PRIMARY KEY CHECK (seal_id > 0),
    fence_transaction_id  xid8        NOT NULL,
    sealed_at             timestamptz NOT NULL,
    stream_count          bigint      NOT NULL CHECK (stream_count >= 0),
    event_count           bigint      NOT NULL CHECK (event_count >= 0),
    merkle_root           bytea       NOT NULL,
    previous_digest       bytea       NOT NULL,
    public_key            bytea       NOT NULL,
    signature             bytea       NOT NULL
);

CREATE TABLE audit_seal_heads (
    stream_id      text   NOT NULL,
    seal_id        bigint NOT NULL REFERENCES audit_seals (seal_id),
    stream_version bigint NOT NULL CHECK (stream_version > 0),
    hash           bytea  NOT NULL,
    PRIMARY KEY (stream_id, seal_id)
);
