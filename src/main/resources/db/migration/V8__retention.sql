-- Retention prunes the oldest disclosure records; the anchor keeps the rest verifiable: records with id <=
-- anchor_id were removed by retention, and anchor_hash is the record_hash of the last of them.
ALTER TABLE disclosure_chain_head ADD COLUMN anchor_id BIGINT;
ALTER TABLE disclosure_chain_head ADD COLUMN anchor_hash VARCHAR(64);

-- End of each customer's contract, as the customer-master flow last saw it: retention forgets the customer's
-- pseudonyms six months after it.
CREATE TABLE customer_contract (
    customer_number VARCHAR(40) PRIMARY KEY,
    contract_end    DATE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
