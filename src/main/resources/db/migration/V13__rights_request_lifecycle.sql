-- Rights requests: the sealed working data (e-mail, corrections) holds whatever the API's body limit lets in
-- (werkbridge.security.limits.max-body); VARCHAR(8000) failed at about 6 KB of corrections. SET DATA TYPE is
-- understood by H2 and PostgreSQL alike.
ALTER TABLE rights_request ALTER COLUMN payload_cipher SET DATA TYPE TEXT;
-- Keyed hash of the request as submitted: a reused Idempotency-Key with another request is refused, not answered
-- with the first. idempotency_key now holds a keyed hash of the caller and the key (keys are scoped to the caller).
ALTER TABLE rights_request ADD COLUMN request_hash VARCHAR(64);
-- A request that cannot complete stays open (and overdue) until a DPO closes it with a reason: who and why.
ALTER TABLE rights_request ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE rights_request ADD COLUMN closed_reason VARCHAR(1000);
