-- Reversible pseudonyms of the tokenize action. value_cipher is AES-GCM encrypted under a key derived from the
-- hub's secret; value_hash (keyed) finds the token of a value again; subject_refs (",a,b,") serve erasure.
CREATE TABLE pseudonym_vault (
    token        VARCHAR(128)  PRIMARY KEY,
    shape        VARCHAR(16)   NOT NULL,
    value_hash   VARCHAR(64)   NOT NULL,
    value_cipher VARCHAR(4000) NOT NULL,
    subject_refs VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pseudonym_vault_value UNIQUE (shape, value_hash)
);
