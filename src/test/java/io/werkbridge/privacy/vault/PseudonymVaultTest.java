package io.werkbridge.privacy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.operator.TokenShapes.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The vault on a real (in-memory H2) database with the real migrations. */
class PseudonymVaultTest {

    private static final byte[] KEY = "vault-test-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private JdbcTemplate jdbc;
    private PseudonymVault vault;

    @BeforeEach
    void database() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        vault = new PseudonymVault(jdbc, KEY);
    }

    @Test
    void sameValueKeepsItsTokenAndOnlyTheVaultReversesIt() {
        String token = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234", "K-1"));
        assertThat(token).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+").doesNotContain("erika");
        assertThat(vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234"))).isEqualTo(token);
        assertThat(vault.tokenize("max@example.com", Shape.EMAIL, Set.of("100235"))).isNotEqualTo(token);
        assertThat(vault.detokenize(token)).contains("erika@example.com");
        assertThat(jdbc.queryForList("SELECT v.value_cipher || v.value_hash || s.subject_ref FROM pseudonym_vault v"
                + " JOIN pseudonym_vault_subject s ON s.token = v.token", String.class))
                .noneMatch(row -> row.contains("erika"));
    }

    @Test
    void anotherHubKeyCannotReadTheVault() {
        String token = vault.tokenize("+49 521 5551234", Shape.PHONE, Set.of("100234"));
        byte[] otherKey = "another-key-0123456789abcdef0123456".getBytes(StandardCharsets.UTF_8);
        assertThat(token).startsWith("+");
        // the other key cannot even open the keyset: the vault refuses as it is made, before any entry is read
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PseudonymVault(jdbc, otherKey).detokenize(token))
                .hasMessageContaining("cannot be decrypted").hasMessageNotContaining("5551234");
    }

    @Test
    void forgettingASubjectMakesItsTokensIrreversible() {
        String erika = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234/K-1"));
        String max = vault.tokenize("max@example.com", Shape.EMAIL, Set.of("100235/K-2"));
        // a number both share: one token, linked to each, so erasing one leaves it to the other
        String shared = vault.tokenize("+49 521 5550000", Shape.PHONE, Set.of("100234/K-1"));
        assertThat(vault.tokenize("+49 521 5550000", Shape.PHONE, Set.of("100235/K-2"))).isEqualTo(shared);
        assertThat(vault.forgetSubject("100234/K-1")).isEqualTo(1);
        assertThat(vault.detokenize(erika)).isEmpty();
        assertThat(vault.detokenize(max)).contains("max@example.com");
        assertThat(vault.detokenize(shared)).contains("+49 521 5550000");
        assertThat(vault.forgetSubject("100234/K-")).isZero();
        assertThat(vault.forgetSubject("100235/K-2")).isEqualTo(2);
        assertThat(vault.detokenize(shared)).isEmpty();
    }

    @Test
    void aCiphertextCopiedToAnotherRowIsRefused() {
        String erika = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234"));
        String max = vault.tokenize("max@example.com", Shape.EMAIL, Set.of("100235"));
        jdbc.update("UPDATE pseudonym_vault SET value_cipher = (SELECT value_cipher FROM pseudonym_vault WHERE token = ?) WHERE token = ?", erika, max);

        assertThatThrownBy(() -> vault.detokenize(max)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed for another row").hasMessageNotContaining("erika").hasMessageNotContaining("max@");
        assertThat(vault.detokenize(erika)).contains("erika@example.com");
    }

    @Test
    void subjectIdsWithLikeWildcardsMatchOnlyExactly() {
        String underscore = vault.tokenize("a@example.com", Shape.EMAIL, Set.of("K_1"));
        String letter = vault.tokenize("b@example.com", Shape.EMAIL, Set.of("KX1"));
        String percent = vault.tokenize("c@example.com", Shape.EMAIL, Set.of("100%"));
        String longer = vault.tokenize("d@example.com", Shape.EMAIL, Set.of("1000"));

        assertThat(vault.forgetSubject("K%")).isZero();
        assertThat(vault.forgetSubject("%")).isZero();
        assertThat(vault.forgetSubject("_")).isZero();
        assertThat(vault.forgetSubject("K_")).isZero();
        assertThat(vault.forgetSubject("K_1")).isEqualTo(1);
        assertThat(vault.detokenize(underscore)).isEmpty();
        assertThat(vault.detokenize(letter)).contains("b@example.com");
        assertThat(vault.forgetSubject("100%")).isEqualTo(1);
        assertThat(vault.detokenize(percent)).isEmpty();
        assertThat(vault.detokenize(longer)).contains("d@example.com");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject WHERE token = ?", Integer.class, percent)).isZero();
    }

    /**
     * A vault of the former format (before migrations 9 and 10): values sealed by the former SealedBox under the key
     * derived from the hub key, subjects in a comma-joined column. The ciphertexts below were made by that code.
     */
    @Test
    void entriesOfTheFormerFormatAreReadableAfterTheStartAndStoredSealedForTheirRow() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("8").load().migrate();
        JdbcTemplate former = new JdbcTemplate(ds);
        String erika = "tok-erika@token.invalid";
        String phone = "+4900000001";
        String foreign = "+4900000002";
        insertFormer(former, erika, "EMAIL", "h1", "+j8ZBWGeGg0nmkIQ2+oPqVGXOtBvo/YM8M+C/hTUkQK+LPB5p3LtWzxV8cyp", ",100234,K-1,");
        insertFormer(former, phone, "PHONE", "h2", "fluEamxgSYk4pqempIofjL58MSz3pv7welFmpqRq3j7MFrlLRqJ0ZH5IJQ==", ",100234,a_b,");
        // sealed under some other key: unreadable before, left as it is
        String unreadable = java.util.Base64.getEncoder().encodeToString(new byte[40]);
        insertFormer(former, foreign, "PHONE", "h3", unreadable, ",,");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        PseudonymVault started = PseudonymVault.open(former, KEY, new SealedBox(DataKeys.open(former, KEY)));

        assertThat(started.detokenize(erika)).contains("erika@example.com");
        assertThat(started.detokenize(phone)).contains("+49 521 5551234");
        assertThat(former.queryForList("SELECT value_cipher FROM pseudonym_vault WHERE token IN (?, ?)", String.class, erika, phone))
                .hasSize(2).allSatisfy(stored -> assertThat(stored).startsWith("v2:"));
        assertThat(former.queryForObject("SELECT value_cipher FROM pseudonym_vault WHERE token = ?", String.class, foreign)).isEqualTo(unreadable);
        assertThatThrownBy(() -> started.detokenize(foreign)).hasMessageContaining("cannot be decrypted");
        assertThat(former.queryForList("SELECT token || ' ' || subject_ref FROM pseudonym_vault_subject ORDER BY 1", String.class))
                .containsExactly(phone + " 100234", phone + " a_b", erika + " 100234", erika + " K-1");
        // former entries were linked to every subject of their record by bare id: a person's id takes the entry whole,
        // the customer's number alone (shared by its contacts and technicians) does not
        assertThat(started.forgetSubject("100234")).isZero();
        assertThat(started.forgetSubject("100234/a_b")).isEqualTo(1);
        assertThat(started.forgetSubject("100234/K-1")).isEqualTo(1);
        assertThat(started.detokenize(erika)).isEmpty();
    }

    private static void insertFormer(JdbcTemplate jdbc, String token, String shape, String hash, String cipher, String subjects) {
        jdbc.update("INSERT INTO pseudonym_vault (token, shape, value_hash, value_cipher, subject_refs, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                token, shape, hash, cipher, subjects, java.sql.Timestamp.from(java.time.Instant.now()));
    }
}
