package io.werkbridge.privacy.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encryption of small texts at rest (vault values, rights requests' data) with the hub's {@link DataKeys}: Tink AEAD,
 * bound to the row the text is stored in by the associated data, so a ciphertext copied to another row does not
 * open. Stored as {@code v2:} and the base64 of Tink's ciphertext (which names the key that sealed it); the former
 * format, plain base64 without associated data, is converted at start-up by {@link LegacyCiphertexts}.
 */
public final class SealedBox {

    static final String PREFIX = "v2:";
    private final DataKeys keys;

    public SealedBox(DataKeys keys) {
        this.keys = keys;
    }

    /** Whether a stored value is in this format (and not the former one). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * @param row names the row the value is stored in (table, column and key), e.g. {@code pseudonym_vault.value_cipher/<token>}
     */
    public String seal(String text, String row) {
        try {
            return PREFIX + Base64.getEncoder().encodeToString(keys.aeadForSealing().encrypt(text.getBytes(StandardCharsets.UTF_8), bytes(row)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /**
     * @param row the row it is read from, as named when sealed
     * @throws IllegalStateException if the value was sealed for another row, under a key the keyset does not hold, or
     *                               is not in this format; the message holds no part of the value
     */
    public String open(String stored, String row) {
        if (!isSealed(stored)) {
            throw new IllegalStateException("an entry cannot be decrypted: it is not in the sealed format (the start-up conversion"
                    + " of the former format could not open it with this hub's key)");
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("an entry cannot be decrypted: it is not valid base64", e);
        }
        try {
            return decrypt(ciphertext, row);
        } catch (GeneralSecurityException notWithTheseKeys) {
            if (keys.refresh()) { // another instance rotated the keyset since it was loaded here
                try {
                    return decrypt(ciphertext, row);
                } catch (GeneralSecurityException stillNot) {
                    notWithTheseKeys.addSuppressed(stillNot);
                }
            }
            throw new IllegalStateException("an entry cannot be decrypted with this hub's keyset for this row: it was sealed for"
                    + " another row, or under a key the keyset does not hold", notWithTheseKeys);
        }
    }

    private String decrypt(byte[] ciphertext, String row) throws GeneralSecurityException {
        return new String(keys.aead().decrypt(ciphertext, bytes(row)), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String row) {
        if (row == null || row.isEmpty()) {
            throw new IllegalArgumentException("a sealed value needs the row it belongs to");
        }
        return row.getBytes(StandardCharsets.UTF_8);
    }
}
