-- Where the hub stands in each machine's MTConnect stream: the agent instance (its sequence starts over when it
-- changes) and the next sequence to ask for. One row per machine id of connectors/machines/.
CREATE TABLE mtconnect_state (
    machine_id    VARCHAR(40) NOT NULL PRIMARY KEY,
    instance_id   VARCHAR(64) NOT NULL,
    next_sequence BIGINT      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
