package io.werkbridge.privacy.vault;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(jdbc.queryForList("SELECT value_cipher || value_hash || subject_refs FROM pseudonym_vault", String.class))
                .noneMatch(row -> row.contains("erika"));
    }

    @Test
    void anotherHubKeyCannotReadTheVault() {
        String token = vault.tokenize("+49 521 5551234", Shape.PHONE, Set.of("100234"));
        PseudonymVault other = new PseudonymVault(jdbc, "another-key-0123456789abcdef0123456".getBytes(StandardCharsets.UTF_8));
        assertThat(token).startsWith("+");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.detokenize(token))
                .hasMessageContaining("cannot be decrypted").hasMessageNotContaining("5551234");
    }

    @Test
    void forgettingASubjectMakesItsTokensIrreversible() {
        String erika = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234", "K-1"));
        String max = vault.tokenize("max@example.com", Shape.EMAIL, Set.of("100235", "K-2"));
        assertThat(vault.forgetSubject("K-1")).isEqualTo(1);
        assertThat(vault.detokenize(erika)).isEmpty();
        assertThat(vault.detokenize(max)).contains("max@example.com");
        assertThat(vault.forgetSubject("K-")).isZero();
    }
}
