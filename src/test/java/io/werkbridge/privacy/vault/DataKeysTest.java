package io.werkbridge.privacy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.operator.TokenShapes.Shape;
import io.werkbridge.rights.MutableClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The data keyset on a real (in-memory H2) database with the real migrations: rotation, several instances, a changed hub key. */
class DataKeysTest {

    private static final byte[] KEY = "data-keys-test-key-0123456789abcdef01".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW_KEY = "data-keys-new-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    private DataKeys keys(byte[] hubKey) {
        return DataKeys.open(jdbc, hubKey, null, Duration.ofDays(90), clock);
    }

    @Test
    void aVaultEntryWrittenBeforeAKeyRotationIsStillReadAfterIt() {
        DataKeys keys = keys(KEY);
        PseudonymVault vault = new PseudonymVault(jdbc, KEY, new SealedBox(keys));
        String before = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234"));
        int firstKey = keys.primaryKeyId();
        assertThat(keyIdOf(before)).isEqualTo(firstKey);

        keys.rotate();

        assertThat(keys.primaryKeyId()).isNotEqualTo(firstKey);
        assertThat(keys.size()).isEqualTo(2);
        String after = vault.tokenize("max@example.com", Shape.EMAIL, Set.of("100235"));
        assertThat(keyIdOf(after)).isEqualTo(keys.primaryKeyId());
        assertThat(vault.detokenize(before)).contains("erika@example.com");
        assertThat(vault.detokenize(after)).contains("max@example.com");
        // and after a restart, which loads the rotated keyset from the database
        PseudonymVault restarted = new PseudonymVault(jdbc, KEY, new SealedBox(keys(KEY)));
        assertThat(restarted.detokenize(before)).contains("erika@example.com");
        assertThat(restarted.detokenize(after)).contains("max@example.com");
    }

    @Test
    void anotherInstanceReloadsTheKeysetWhenItMeetsAValueSealedUnderAKeyItHasNotLoaded() {
        DataKeys first = keys(KEY);
        DataKeys second = keys(KEY);
        first.rotate();
        String sealed = new SealedBox(first).seal("Erika Mustermann", "test/row-1");

        assertThat(second.size()).isEqualTo(1);
        assertThat(new SealedBox(second).open(sealed, "test/row-1")).isEqualTo("Erika Mustermann");
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.primaryKeyId()).isEqualTo(first.primaryKeyId());
    }

    @Test
    void thePrimaryKeyIsRotatedAtTheFirstSealAfterTheRotationPeriod() {
        DataKeys keys = keys(KEY);
        DataKeys other = keys(KEY);
        SealedBox box = new SealedBox(keys);
        String early = box.seal("early", "test/row-1");
        clock.advance(Duration.ofDays(89));
        box.seal("still the first key", "test/row-2");
        assertThat(keys.size()).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        String late = box.seal("late", "test/row-3");

        assertThat(keys.size()).isEqualTo(2);
        assertThat(version()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT rotated_at FROM data_keyset", java.sql.Timestamp.class).toInstant()).isEqualTo(clock.instant());
        assertThat(box.open(early, "test/row-1")).isEqualTo("early");
        assertThat(box.open(late, "test/row-3")).isEqualTo("late");
        // a second instance, whose copy of the keyset is as old, rotates no second time: it loads the rotation
        assertThat(other.size()).isEqualTo(1);
        new SealedBox(other).seal("x", "test/row-4");
        assertThat(other.size()).isEqualTo(2);
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void aChangedHubKeyStopsTheStartWithWhatToDoAndThePreviousKeyRewrapsTheKeyset() {
        SealedBox box = new SealedBox(keys(KEY));
        String sealed = box.seal("Erika Mustermann", "test/row-1");
        String wrapped = jdbc.queryForObject("SELECT keyset_json FROM data_keyset", String.class);

        assertThatThrownBy(() -> keys(NEW_KEY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("werkbridge.privacy.previous-hash-key")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> DataKeys.open(jdbc, NEW_KEY, "wrong-former-key-0123456789abcdef012345".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(90), clock)).isInstanceOf(IllegalStateException.class).hasMessageContaining("nor with");
        assertThat(jdbc.queryForObject("SELECT keyset_json FROM data_keyset", String.class)).isEqualTo(wrapped);

        DataKeys rewrapped = DataKeys.open(jdbc, NEW_KEY, KEY, Duration.ofDays(90), clock);

        assertThat(new SealedBox(rewrapped).open(sealed, "test/row-1")).isEqualTo("Erika Mustermann");
        assertThat(jdbc.queryForObject("SELECT keyset_json FROM data_keyset", String.class)).isNotEqualTo(wrapped);
        assertThat(new SealedBox(keys(NEW_KEY)).open(sealed, "test/row-1")).isEqualTo("Erika Mustermann");
        assertThatThrownBy(() -> keys(KEY)).hasMessageContaining("cannot be decrypted with this werkbridge.privacy.hash-key");
    }

    @Test
    void aValueOpensOnlyForTheRowItWasSealedFor() {
        SealedBox box = new SealedBox(keys(KEY));
        String sealed = box.seal("Erika Mustermann", "rights_request.payload_cipher/a");

        assertThat(box.open(sealed, "rights_request.payload_cipher/a")).isEqualTo("Erika Mustermann");
        assertThatThrownBy(() -> box.open(sealed, "rights_request.payload_cipher/b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed for another row").hasMessageNotContaining("Erika");
        assertThat(sealed).startsWith("v2:").doesNotContain("Erika");
    }

    private int version() {
        return jdbc.queryForObject("SELECT version FROM data_keyset", Integer.class);
    }

    /** Tink's ciphertext starts with a version byte and the id of the key that sealed it. */
    private int keyIdOf(String token) {
        String stored = jdbc.queryForObject("SELECT value_cipher FROM pseudonym_vault WHERE token = ?", String.class, token);
        byte[] ciphertext = Base64.getDecoder().decode(stored.substring("v2:".length()));
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
