package io.werkbridge.privacy.operator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code hash} action: HMAC-SHA256 of the value's UTF-8 bytes under a secret key, as 64
 * lower-case hex characters.
 *
 * <p>Stable: the same value and key give the same hash in every message, on every hub instance, so
 * a destination can join records on it. Not reversible, and without the key not even testable
 * against a guessed value (which a plain SHA-256 of a name or an e-mail would be). Hex rather than
 * base64url because it has no case to get wrong in a target's database or URL and is what people
 * expect to compare by eye; it is 64 characters instead of 43.
 *
 * <p>Thread-safe: each call clones a {@link Mac} prototype that is never used itself after
 * construction, so no instance is shared between threads and no thread-local outlives a policy
 * reload. The key is held only inside that prototype; {@code toString} shows none of it.
 */
public final class KeyedHash {

    /** 256 bits, the output size of SHA-256: a shorter key would weaken the HMAC below its hash. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /*
     * Initialised once and fed an empty update, which makes the JDK's HMAC absorb the inner padded key
     * (K ^ ipad) then instead of in every call: each clone starts past that SHA-256 block. An empty update
     * does not change any HMAC value, so a provider that absorbs lazily still computes the same result.
     */
    private final Mac prototype;

    /**
     * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes; copied, so the caller may wipe it
     * @throws IllegalArgumentException if the key is null or too short
     * @throws IllegalStateException if the JDK offers no cloneable HmacSHA256 (never on a standard JDK)
     */
    public KeyedHash(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("hash key must not be null");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("hash key must be at least " + MIN_KEY_BYTES
                    + " bytes (256 bits), was " + key.length + " bytes");
        }
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM)); // SecretKeySpec copies the key
            prototype.update(new byte[0]);
            prototype.clone(); // fail here, at start-up, rather than on the first message
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK cannot compute a cloneable " + ALGORITHM, e);
        }
    }

    /**
     * @param value the value to hash; not null
     * @return 64 lower-case hex characters
     * @throws IllegalArgumentException if the value is null
     */
    public String hash(String value) {
        if (value == null) {
            throw new IllegalArgumentException("value to hash must not be null");
        }
        return HEX.formatHex(copy().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The prototype is never updated after construction, so cloning it from several threads is safe. */
    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " stopped being cloneable", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[" + ALGORITHM + "]";
    }
}
