-- The Tink keyset (AEAD, AES256-GCM) that seals vault values and rights data, as Tink's JSON of the keyset encrypted
-- under a key derived from the hub key (werkbridge.privacy.hash-key). One row per keyset; version grows with each
-- rotation or re-wrap, so every hub instance notices a change; rotated_at is when the primary key was added.
CREATE TABLE data_keyset (
    name        VARCHAR(64) PRIMARY KEY,
    keyset_json TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    rotated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
