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

/**
 * The pseudonym vault in table {@code pseudonym_vault}: token → value, the value encrypted with AES-GCM under a key
 * derived from the hub's secret, found again through a keyed hash so the same value keeps its token. Subject
 * references are kept so erasure can forget a subject's tokens.
 */
public final class PseudonymVault implements Pseudonymizer {

    private final JdbcTemplate jdbc;
    private final KeyedHash valueHash;
    private final SealedBox box;
    private final TokenShapes shapes = new TokenShapes();

    public PseudonymVault(JdbcTemplate jdbc, byte[] hubSecret) {
        this.jdbc = jdbc;
        KeyedHash derive = new KeyedHash(hubSecret);
        this.valueHash = new KeyedHash(HexFormat.of().parseHex(derive.hash("werkbridge-vault-lookup-v1")));
        this.box = new SealedBox(HexFormat.of().parseHex(derive.hash("werkbridge-vault-encryption-v1")));
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
        return box.seal(value);
    }

    private String decrypt(String stored) {
        try {
            return box.open(stored);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("pseudonym vault: " + e.getMessage(), e);
        }
    }
}
