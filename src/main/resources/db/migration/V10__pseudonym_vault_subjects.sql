-- The data subjects of each vault entry, one row per (token, subject), so erasure matches a subject exactly; the
-- comma-joined column matched with LIKE, where '_' is a wildcard, goes.
CREATE TABLE pseudonym_vault_subject (
    token       VARCHAR(128)  NOT NULL,
    subject_ref VARCHAR(2000) NOT NULL,
    PRIMARY KEY (token, subject_ref),
    CONSTRAINT pseudonym_vault_subject_entry FOREIGN KEY (token) REFERENCES pseudonym_vault (token) ON DELETE CASCADE
);
CREATE INDEX pseudonym_vault_subject_ref ON pseudonym_vault_subject (subject_ref);

-- subject_refs is ",a,b,": split it at the commas (a recursive query that H2 and PostgreSQL both run).
INSERT INTO pseudonym_vault_subject (token, subject_ref)
WITH RECURSIVE split (token, subject_ref, rest) AS (
    SELECT token, CAST('' AS VARCHAR(2000)), CAST(SUBSTRING(subject_refs FROM 2) AS VARCHAR(2000)) FROM pseudonym_vault
    UNION ALL
    SELECT token, CAST(SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1) AS VARCHAR(2000)),
           CAST(SUBSTRING(rest FROM POSITION(',' IN rest) + 1) AS VARCHAR(2000))
    FROM split WHERE POSITION(',' IN rest) > 0
)
SELECT DISTINCT token, subject_ref FROM split WHERE subject_ref <> '';

ALTER TABLE pseudonym_vault DROP COLUMN subject_refs;
