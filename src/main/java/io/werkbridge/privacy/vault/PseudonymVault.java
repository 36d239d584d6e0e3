package io.werkbridge.privacy.vault;

import io.werkbridge.privacy.operator.KeyedHash;
import io.werkbridge.privacy.operator.TokenShapes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pseudonym vault in table {@code pseudonym_vault}: token → value, the value sealed by the hub's {@link SealedBox}
 * for its token's row, found again through a keyed hash so the same value keeps its token. The data subjects of each
 * entry are rows of {@code pseudonym_vault_subject}, so erasure can forget a subject's tokens.
 */
public final class PseudonymVault implements Pseudonymizer {

    /** The label the former code derived the vault's encryption key with from the hub key. */
    static final String FORMER_ENCRYPTION_LABEL = "werkbridge-vault-encryption-v1";
    /** The sealed column, for the conversion of the former format. */
    static final LegacyCiphertexts.Column SEALED = new LegacyCiphertexts.Column("pseudonym_vault", "value_cipher",
            List.of("token"), key -> row(key.get(0)));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyedHash valueHash;
    private final SealedBox box;
    private final TokenShapes shapes = new TokenShapes();

    /**
     * @param hubKey the lookup hash's key is derived from it (as before the keyset, so existing entries are found)
     */
    public PseudonymVault(JdbcTemplate jdbc, byte[] hubKey, SealedBox box) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.valueHash = new KeyedHash(HexFormat.of().parseHex(new KeyedHash(hubKey).hash("werkbridge-vault-lookup-v1")));
        this.box = box;
    }

    /** A vault with the database's data keyset under this hub key (created if there is none). */
    public PseudonymVault(JdbcTemplate jdbc, byte[] hubKey) {
        this(jdbc, hubKey, new SealedBox(DataKeys.open(jdbc, hubKey)));
    }

    /**
     * The vault as the hub starts it: entries still sealed in the former format are converted first.
     */
    public static PseudonymVault open(JdbcTemplate jdbc, byte[] hubKey, SealedBox box) {
        new LegacyCiphertexts(jdbc, box).convert(SEALED, LegacyCiphertexts.formerKey(hubKey, FORMER_ENCRYPTION_LABEL));
        return new PseudonymVault(jdbc, hubKey, box);
    }

    /** The associated data of an entry: a value sealed for one token does not open as another's. */
    static String row(String token) {
        return "pseudonym_vault.value_cipher/" + token;
    }

    @Override
    public String tokenize(String value, TokenShapes.Shape shape, Set<String> subjectRefs) {
        String hash = valueHash.hash(shape.name() + ":" + value);
        Optional<String> existing = find(shape, hash);
        if (existing.isPresent()) {
            link(existing.get(), subjectRefs);
            return existing.get();
        }
        String token = shapes.token(value, shape);
        String cipher = box.seal(value, row(token));
        List<Object[]> subjects = subjectRefs.stream().distinct().map(ref -> new Object[] {token, ref}).toList();
        try {
            transaction.executeWithoutResult(tx -> {
                jdbc.update("INSERT INTO pseudonym_vault (token, shape, value_hash, value_cipher, created_at) VALUES (?, ?, ?, ?, ?)",
                        token, shape.name(), hash, cipher, Timestamp.from(Instant.now()));
                jdbc.batchUpdate("INSERT INTO pseudonym_vault_subject (token, subject_ref) VALUES (?, ?)", subjects);
            });
            return token;
        } catch (DuplicateKeyException raced) {
            String found = find(shape, hash).orElseThrow(() -> new IllegalStateException("pseudonym vault: token collision, retry the message"));
            link(found, subjectRefs);
            return found;
        }
    }

    /** A value another subject shares keeps one token, linked to each subject, so erasing one leaves it to the other. */
    private void link(String token, Set<String> subjectRefs) {
        for (String ref : subjectRefs) {
            try {
                jdbc.update("INSERT INTO pseudonym_vault_subject (token, subject_ref) SELECT ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM pseudonym_vault_subject WHERE token = ? AND subject_ref = ?)", token, ref, token, ref);
            } catch (DuplicateKeyException raced) {
                // another delivery linked the same subject at the same moment: the link is there
            }
        }
    }

    @Override
    public Optional<String> existingToken(String value, TokenShapes.Shape shape) {
        return find(shape, valueHash.hash(shape.name() + ":" + value));
    }

    @Override
    public Optional<String> detokenize(String token) {
        List<String> cipher = jdbc.queryForList("SELECT value_cipher FROM pseudonym_vault WHERE token = ?", String.class, token);
        return cipher.stream().findFirst().map(stored -> decrypt(stored, token));
    }

    /**
     * Forgets exactly one data subject: its link to each entry goes, and an entry goes once no subject is linked to it
     * any more (a value two subjects share stays resolvable for the other). {@code subjectKey} is a gate subject key:
     * the customer number for the customer's own values, {@code customer/person} for a contact's or technician's.
     * Entries written before subject keys were linked to every subject of their record by bare id; a person's bare
     * id never names anyone else, so an entry linked to it goes whole.
     */
    @Override
    public int forgetSubject(String subjectKey) {
        int slash = subjectKey.indexOf('/');
        String formerPerson = slash < 0 ? null : subjectKey.substring(slash + 1);
        return transaction.execute(tx -> {
            List<String> tokens = jdbc.queryForList("SELECT token FROM pseudonym_vault_subject WHERE subject_ref = ? OR subject_ref = ?",
                    String.class, subjectKey, formerPerson);
            int gone = formerPerson == null ? 0 : jdbc.update(
                    "DELETE FROM pseudonym_vault WHERE token IN (SELECT token FROM pseudonym_vault_subject WHERE subject_ref = ?)", formerPerson);
            jdbc.update("DELETE FROM pseudonym_vault_subject WHERE subject_ref = ?", subjectKey);
            return gone + deleteUnlinked(tokens);
        });
    }

    /**
     * Forgets a customer and every person of it (the contract ended): each entry linked to the customer, to one of
     * its persons, or (entries written before subject keys) to the customer's bare number goes whole.
     */
    @Override
    public int forgetCustomer(String customerNumber) {
        String prefix = customerNumber + "/";
        return jdbc.update("DELETE FROM pseudonym_vault WHERE token IN (SELECT token FROM pseudonym_vault_subject "
                + "WHERE subject_ref = ? OR LEFT(subject_ref, ?) = ?)", customerNumber, prefix.length(), prefix);
    }

    private int deleteUnlinked(List<String> tokens) {
        int deleted = 0;
        for (String token : tokens.stream().distinct().toList()) {
            deleted += jdbc.update("DELETE FROM pseudonym_vault WHERE token = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM pseudonym_vault_subject s WHERE s.token = pseudonym_vault.token)", token);
        }
        return deleted;
    }

    private Optional<String> find(TokenShapes.Shape shape, String hash) {
        return jdbc.queryForList("SELECT token FROM pseudonym_vault WHERE shape = ? AND value_hash = ?", String.class, shape.name(), hash)
                .stream().findFirst();
    }

    private String decrypt(String stored, String token) {
        try {
            return box.open(stored, row(token));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("pseudonym vault: " + e.getMessage(), e);
        }
    }
}
