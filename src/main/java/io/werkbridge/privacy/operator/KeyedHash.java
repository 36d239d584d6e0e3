package io.werkbridge.privacy.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

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
 * <p>Thread-safe: two SHA-256 digests that have absorbed the padded key are cloned for each call,
 * so no instance is shared between threads and no thread-local outlives a policy reload. The key is
 * held only inside those digests; {@code toString} shows none of it.
 */
public final class KeyedHash {

    /** 256 bits, the output size of SHA-256: a shorter key would weaken the HMAC below its hash. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String DIGEST = "SHA-256";
    private static final int BLOCK_BYTES = 64;
    private static final HexFormat HEX = HexFormat.of();

    /*
     * HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)) (RFC 2104). The two digests below have absorbed
     * K ^ ipad and K ^ opad once; each call clones them. javax.crypto.Mac instead resets and absorbs the
     * padded key again for every value, two SHA-256 blocks more than the two a short value needs.
     */
    private final MessageDigest inner;
    private final MessageDigest outer;

    /**
     * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes; copied, so the caller may wipe it
     * @throws IllegalArgumentException if the key is null or too short
     * @throws IllegalStateException if the JDK offers no cloneable SHA-256 (never on a standard JDK)
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
            byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? MessageDigest.getInstance(DIGEST).digest(key) : key, BLOCK_BYTES);
            this.inner = padded(block, (byte) 0x36);
            this.outer = padded(block, (byte) 0x5c);
            Arrays.fill(block, (byte) 0);
            inner.clone(); // fail here, at start-up, rather than on the first message
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK cannot compute a cloneable " + DIGEST, e);
        }
    }

    private static MessageDigest padded(byte[] block, byte pad) throws NoSuchAlgorithmException {
        byte[] padded = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            padded[i] = (byte) (block[i] ^ pad);
        }
        MessageDigest digest = MessageDigest.getInstance(DIGEST);
        digest.update(padded);
        Arrays.fill(padded, (byte) 0);
        return digest;
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
        MessageDigest in = copy(inner);
        in.update(value.getBytes(StandardCharsets.UTF_8));
        MessageDigest out = copy(outer);
        out.update(in.digest());
        return HEX.formatHex(out.digest());
    }

    /** The prototypes are never updated after construction, so cloning them from several threads is safe. */
    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(DIGEST + " stopped being cloneable", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[" + ALGORITHM + "]";
    }
}
