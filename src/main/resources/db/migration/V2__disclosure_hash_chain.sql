-- Tamper-evident disclosure log: every record carries the SHA-256 (hex) of its own canonical serialisation and of
-- the previous record's hash. Rows written before this migration keep NULL hashes (reported as unchained).
ALTER TABLE disclosure ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE disclosure ADD COLUMN record_hash VARCHAR(64);

-- One row: the end of the chain. Appends lock it (SELECT ... FOR UPDATE), so the chain never forks, also with
-- several hub instances on one database. last_hash starts at the genesis value (64 zeros).
CREATE TABLE disclosure_chain_head (
    id        INTEGER     PRIMARY KEY,
    last_id   BIGINT,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO disclosure_chain_head (id, last_id, last_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
