-- Restrictions, objections and consent revocations become independent records: each row belongs to the request
-- that made it, so lifting one never deletes another's. The rows are rebuilt from the active requests, keyed by
-- subject (customer number, or customer/contact for one contact) instead of one row per bare id, which held every
-- message of the customer for a restriction of one contact.
ALTER TABLE subject_restriction ADD COLUMN request_id VARCHAR(36);
DELETE FROM subject_restriction;
INSERT INTO subject_restriction (subject_ref, purpose, kind, created_at, request_id)
SELECT CASE WHEN contact_id IS NULL THEN customer_number ELSE customer_number || '/' || contact_id END,
       purpose, LOWER(REPLACE(type, '_', '-')), received_at, id
FROM rights_request
WHERE state = 'ACTIVE' AND type IN ('RESTRICTION', 'OBJECTION', 'CONSENT_REVOCATION') AND customer_number IS NOT NULL;
CREATE INDEX subject_restriction_request ON subject_restriction (request_id);
