-- Data-subject requests. Only what proves the request was handled is kept for good; the e-mail address is kept as
-- a keyed hash, and what the systems need to act (e-mail, corrections) is sealed in payload_cipher and wiped when
-- the request is complete.
CREATE TABLE rights_request (
    id              VARCHAR(36)  PRIMARY KEY,
    type            VARCHAR(32)  NOT NULL,
    customer_number VARCHAR(40),
    contact_id      VARCHAR(40),
    email_hash      VARCHAR(64),
    purpose         VARCHAR(128),
    idempotency_key VARCHAR(100) UNIQUE,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    payload_cipher  VARCHAR(8000)
);
CREATE INDEX rights_request_state ON rights_request (state, due_at);

-- One row per system the request is carried to, with its own retries.
CREATE TABLE rights_task (
    request_id      VARCHAR(36)   NOT NULL,
    system          VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    result          VARCHAR(1000),
    completed_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (request_id, system)
);

-- Data collected for access and portability, sealed; deleted by retention after the export period.
CREATE TABLE rights_export (
    request_id  VARCHAR(36) NOT NULL,
    system      VARCHAR(64) NOT NULL,
    data_cipher TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, system)
);
