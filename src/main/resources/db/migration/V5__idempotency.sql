-- Idempotent delivery: one row per message delivered to one destination of one flow, written as soon as the
-- destination accepted it. A redelivered message (after a rollback, a crash or a replay) with a row is not sent
-- again. Rows older than werkbridge.delivery.idempotency-retention are purged.
CREATE TABLE delivered_message (
    message_id   VARCHAR(64)  NOT NULL,
    flow         VARCHAR(64)  NOT NULL,
    destination  VARCHAR(64)  NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, flow, destination)
);
CREATE INDEX delivered_message_time ON delivered_message (delivered_at);
