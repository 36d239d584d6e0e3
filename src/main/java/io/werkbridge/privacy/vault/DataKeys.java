package io.werkbridge.privacy.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tink keyset (AEAD, AES256-GCM) that seals what the hub keeps encrypted, kept in table {@code data_keyset}
 * encrypted under a key-encryption key (KEK) derived from the hub key by HKDF-SHA256. Every hub instance on the
 * database shares it; it is created by the first.
 *
 * <p>Rotation adds a new primary key and keeps the old ones, so everything sealed before stays readable; it happens
 * when the primary key is older than the rotation period, at the next seal. An instance that meets a value sealed
 * under a key it has not loaded yet reloads the keyset ({@link #refresh()}).
 *
 * <p>A changed hub key cannot open the stored keyset. The start-up then refuses with what to do, unless the former
 * key is given as the previous hub key: then the keyset is re-wrapped under the new one.
 */
public final class DataKeys {

    static final String NAME = "data";
    /** The setting an operator gives the former hub key in, named in the refusal. */
    public static final String PREVIOUS_KEY_SETTING = "werkbridge.privacy.previous-hash-key";
    private static final Logger LOG = LoggerFactory.getLogger(DataKeys.class);
    private static final byte[] KEK_INFO = "werkbridge data keyset kek v1".getBytes(StandardCharsets.UTF_8);
    /** Binds the encrypted keyset to its row: a keyset copied to another name does not open. */
    private static final byte[] KEYSET_ROW = ("data_keyset/" + NAME).getBytes(StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final Aead kek;
    private final Duration rotateAfter;
    private final Clock clock;
    private volatile Loaded current;

    private record Loaded(int version, Instant rotatedAt, KeysetHandle keyset, Aead aead) {
    }

    private record Stored(String json, int version, Instant rotatedAt) {
    }

    private DataKeys(JdbcTemplate jdbc, Aead kek, Duration rotateAfter, Clock clock) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.rotateAfter = rotateAfter;
        this.clock = clock;
    }

    /** The keyset under this hub key, created if there is none; rotated every 90 days. */
    public static DataKeys open(JdbcTemplate jdbc, byte[] hubKey) {
        return open(jdbc, hubKey, null, Duration.ofDays(90), Clock.systemUTC());
    }

    /**
     * @param hubKey the hub key the keyset is (or will be) wrapped under
     * @param previousHubKey the former hub key, to re-wrap a keyset still wrapped under it; null if none
     * @param rotateAfter how old the primary key may get before the next seal adds a new one; zero: never
     * @throws IllegalStateException if the stored keyset opens under neither key
     */
    public static DataKeys open(JdbcTemplate jdbc, byte[] hubKey, byte[] previousHubKey, Duration rotateAfter, Clock clock) {
        if (rotateAfter.isNegative()) {
            throw new IllegalArgumentException("the data key rotation period must not be negative");
        }
        try {
            AeadConfig.register();
            DataKeys keys = new DataKeys(jdbc, kek(hubKey), rotateAfter, clock);
            keys.current = keys.loadOrCreate(previousHubKey == null ? null : kek(previousHubKey));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the data keyset: " + e.getMessage(), e);
        }
    }

    private static Aead kek(byte[] hubKey) throws GeneralSecurityException {
        return new AesGcmJce(Hkdf.computeHkdf("HMACSHA256", hubKey, new byte[0], KEK_INFO, 32));
    }

    /** The keyset's AEAD, to open values: holds every key of the keyset. */
    Aead aead() {
        return current.aead();
    }

    /** The keyset's AEAD to seal with: rotated first if the primary key is due. */
    Aead aeadForSealing() {
        Loaded loaded = current;
        if (due(loaded)) {
            rotateIfDue();
            loaded = current;
        }
        return loaded.aead();
    }

    private boolean due(Loaded loaded) {
        return !rotateAfter.isZero() && !clock.instant().isBefore(loaded.rotatedAt().plus(rotateAfter));
    }

    private synchronized void rotateIfDue() {
        refresh(); // another instance may have rotated already
        if (due(current)) {
            rotate();
        }
    }

    /** Adds a new primary key; the old keys stay, so what they sealed stays readable. */
    public synchronized void rotate() {
        while (true) {
            Loaded loaded = current;
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(loaded.keyset())
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                        .build();
                Instant now = clock.instant();
                if (jdbc.update("UPDATE data_keyset SET keyset_json = ?, version = ?, rotated_at = ?, updated_at = ? WHERE name = ? AND version = ?",
                        wrap(rotated, kek), loaded.version() + 1, Timestamp.from(now), Timestamp.from(now), NAME, loaded.version()) == 1) {
                    current = new Loaded(loaded.version() + 1, now, rotated, primitive(rotated));
                    LOG.info("data keyset rotated: new primary key {}, {} keys", rotated.getPrimary().getId(), rotated.size());
                    return;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot rotate the data keyset: " + e.getMessage(), e);
            }
            refresh(); // changed by another instance meanwhile: rotate what it stored
        }
    }

    /**
     * Reloads the keyset if another instance changed it.
     *
     * @return whether it changed
     */
    public synchronized boolean refresh() {
        Stored stored = read().orElseThrow(() -> new IllegalStateException("the data keyset was deleted from table data_keyset"));
        if (stored.version() == current.version()) {
            return false;
        }
        try {
            current = load(stored, kek);
            return true;
        } catch (GeneralSecurityException e) {
            throw refusal(e);
        }
    }

    /** Id of the key that seals now. */
    public int primaryKeyId() {
        return current.keyset().getPrimary().getId();
    }

    /** How many keys the keyset holds (the primary and those it replaced). */
    public int size() {
        return current.keyset().size();
    }

    private Loaded loadOrCreate(Aead previousKek) throws GeneralSecurityException {
        Optional<Stored> stored = read();
        if (stored.isEmpty()) {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Instant now = clock.instant();
            try {
                jdbc.update("INSERT INTO data_keyset (name, keyset_json, version, rotated_at, updated_at) VALUES (?, ?, 1, ?, ?)",
                        NAME, wrap(keyset, kek), Timestamp.from(now), Timestamp.from(now));
                LOG.info("data keyset created with primary key {}", keyset.getPrimary().getId());
                return new Loaded(1, now, keyset, primitive(keyset));
            } catch (DuplicateKeyException raced) {
                LOG.debug("another hub instance created the data keyset first; using that one");
                stored = read();
            }
        }
        Stored found = stored.orElseThrow();
        try {
            return load(found, kek);
        } catch (GeneralSecurityException underThisKey) {
            if (previousKek == null) {
                throw refusal(underThisKey);
            }
            return rewrap(found, previousKek);
        }
    }

    /** The keyset still wrapped under the former hub key: wrapped under the current one from now on. */
    private Loaded rewrap(Stored stored, Aead previousKek) throws GeneralSecurityException {
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.json(), previousKek, KEYSET_ROW);
        } catch (GeneralSecurityException underNeither) {
            throw new IllegalStateException("the data keyset (table data_keyset) cannot be decrypted with werkbridge.privacy.hash-key nor with "
                    + PREVIOUS_KEY_SETTING + ": give the hub key it was sealed under as " + PREVIOUS_KEY_SETTING, underNeither);
        }
        if (jdbc.update("UPDATE data_keyset SET keyset_json = ?, version = ?, updated_at = ? WHERE name = ? AND version = ?",
                wrap(keyset, kek), stored.version() + 1, Timestamp.from(clock.instant()), NAME, stored.version()) == 1) {
            LOG.warn("data keyset re-wrapped under the new werkbridge.privacy.hash-key; remove {} from the configuration", PREVIOUS_KEY_SETTING);
            return new Loaded(stored.version() + 1, stored.rotatedAt(), keyset, primitive(keyset));
        }
        return loadOrCreate(previousKek); // another instance re-wrapped it first
    }

    private static IllegalStateException refusal(GeneralSecurityException cause) {
        return new IllegalStateException("the data keyset (table data_keyset) cannot be decrypted with this werkbridge.privacy.hash-key,"
                + " it was sealed under another one: to change the hub key, start once with the former key as " + PREVIOUS_KEY_SETTING
                + " (WERKBRIDGE_PREVIOUS_HASH_KEY), which re-wraps the keyset; otherwise configure the former key again", cause);
    }

    private Optional<Stored> read() {
        List<Stored> rows = jdbc.query("SELECT keyset_json, version, rotated_at FROM data_keyset WHERE name = ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()), NAME);
        return rows.stream().findFirst();
    }

    private static Loaded load(Stored stored, Aead kek) throws GeneralSecurityException {
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.json(), kek, KEYSET_ROW);
        return new Loaded(stored.version(), stored.rotatedAt(), keyset, primitive(keyset));
    }

    private static String wrap(KeysetHandle keyset, Aead kek) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek, KEYSET_ROW);
    }

    private static Aead primitive(KeysetHandle keyset) throws GeneralSecurityException {
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public String toString() {
        return "DataKeys[" + size() + " keys, primary " + primaryKeyId() + "]";
    }
}
