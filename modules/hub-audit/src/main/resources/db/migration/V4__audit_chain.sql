-- Tamper evidence: the append-only timeline (exchange_event) is hash-chained. A sealer gives each committed event, in
-- the order it seals them, the next chain_seq, the SHA-256 of its canonical content (the event and the immutable
-- columns of its exchange) and the chain hash SHA-256(previous chain hash || content hash). NULL = not sealed yet:
-- rows present when this migration runs are sealed by the first sealer run, in id order. Portable SQL (H2, PostgreSQL).
ALTER TABLE exchange_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE exchange_event ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE exchange_event ADD COLUMN chain_hash VARCHAR(64);
CREATE UNIQUE INDEX uq_exchange_event_chain_seq ON exchange_event (chain_seq);

-- One row: the end of the chain. Sealers (and the retention purge) lock it with SELECT ... FOR UPDATE, so one hub
-- instance at a time extends the chain and the seal order is the chain order.
CREATE TABLE audit_chain_head (
    id         INT         NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_audit_chain_head_one_row CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash, updated_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', CURRENT_TIMESTAMP);

-- Runs of chain positions removed by the retention purge: from_seq..to_seq are gone on purpose, and last_hash is the
-- chain hash of to_seq, from which verification carries on. These rows are the anchors that keep a purged chain
-- verifiable; adjacent runs are merged, so there are at most as many as there are kept events between purged ones.
CREATE TABLE audit_chain_gap (
    from_seq  BIGINT      NOT NULL PRIMARY KEY,
    to_seq    BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    purged_at TIMESTAMP WITH TIME ZONE NOT NULL
);
