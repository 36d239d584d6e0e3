package io.werkbridge.privacy.vault;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secrets the hub needs stable across restarts and instances (the hash key) when none is configured: generated once,
 * kept in the database. Production configures its own through the environment instead.
 */
public final class HubSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(HubSecrets.class);
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public HubSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] getOrCreate(String name, int bytes) {
        List<String> existing = read(name);
        if (existing.isEmpty()) {
            byte[] secret = new byte[bytes];
            random.nextBytes(secret);
            try {
                jdbc.update("INSERT INTO hub_secret (name, secret_value, created_at) VALUES (?, ?, ?)",
                        name, Base64.getEncoder().encodeToString(secret), OffsetDateTime.now(ZoneOffset.UTC));
                LOG.warn("no {} configured: generated one and stored it in the database; configure your own in production", name);
                return secret;
            } catch (DuplicateKeyException raced) {
                LOG.debug("another hub instance created {} first; using that one", name);
                existing = read(name);
            }
        }
        return Base64.getDecoder().decode(existing.get(0));
    }

    private List<String> read(String name) {
        return jdbc.queryForList("SELECT secret_value FROM hub_secret WHERE name = ?", String.class, name);
    }
}
