package io.werkbridge.privacy.vault;

import io.werkbridge.privacy.operator.KeyedHash;
import io.werkbridge.privacy.operator.TokenShapes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pseudonym vault in table {@code pseudonym_vault}: token → value, the value encrypted with AES-GCM under a key
 * derived from the hub's secret, found again through a keyed hash so the same value keeps its token. Subject
 * references are kept so erasure can forget a subject's tokens.
 */
public final class PseudonymVault implements Pseudonymizer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final JdbcTemplate jdbc;
    private final KeyedHash valueHash;
    private final SecretKeySpec encryptionKey;
    private final TokenShapes shapes = new TokenShapes();
    private final SecureRandom random = new SecureRandom();

    public PseudonymVault(JdbcTemplate jdbc, byte[] hubSecret) {
        this.jdbc = jdbc;
        KeyedHash derive = new KeyedHash(hubSecret);
        this.valueHash = new KeyedHash(HexFormat.of().parseHex(derive.hash("werkbridge-vault-lookup-v1")));
        this.encryptionKey = new SecretKeySpec(HexFormat.of().parseHex(derive.hash("werkbridge-vault-encryption-v1")), "AES");
    }

    @Override
    public String tokenize(String value, TokenShapes.Shape shape, Set<String> subjectRefs) {
        String hash = valueHash.hash(shape.name() + ":" + value);
        Optional<String> existing = find(shape, hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = shapes.token(value, shape);
        try {
            jdbc.update("INSERT INTO pseudonym_vault (token, shape, value_hash, value_cipher, subject_refs, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    token, shape.name(), hash, encrypt(value), "," + String.join(",", subjectRefs) + ",", Timestamp.from(Instant.now()));
            return token;
        } catch (DuplicateKeyException raced) {
            return find(shape, hash).orElseThrow(() -> new IllegalStateException("pseudonym vault: token collision, retry the message"));
        }
    }

    @Override
    public Optional<String> detokenize(String token) {
        List<String> cipher = jdbc.queryForList("SELECT value_cipher FROM pseudonym_vault WHERE token = ?", String.class, token);
        return cipher.stream().findFirst().map(this::decrypt);
    }

    @Override
    public int forgetSubject(String subjectRef) {
        return jdbc.update("DELETE FROM pseudonym_vault WHERE subject_refs LIKE ?", "%," + subjectRef.replace("%", "") + ",%");
    }

    private Optional<String> find(TokenShapes.Shape shape, String hash) {
        return jdbc.queryForList("SELECT token FROM pseudonym_vault WHERE shape = ? AND value_hash = ?", String.class, shape.name(), hash)
                .stream().findFirst();
    }

    private String encrypt(String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pseudonym vault: cannot encrypt", e);
        }
    }

    private String decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("pseudonym vault: an entry cannot be decrypted with this hub's key", e);
        }
    }
}
