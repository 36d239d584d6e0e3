package io.werkbridge.privacy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param policyLocation the folder of the privacy policies; no default here: config/application.yml names the shipped one
 * @param hashKey        HMAC key of the {@code hash} action (32 bytes or more, base64 or text); empty: generated once
 *                       and kept in the database. Deliberately without a constraint: a failed constraint prints the
 *                       rejected value, and this is a secret (the key's length is checked where it is used, silently).
 */
@Validated
@ConfigurationProperties("werkbridge.privacy")
public record PrivacyProperties(@NotBlank String policyLocation, String hashKey) {

    public PrivacyProperties {
        hashKey = hashKey == null ? "" : hashKey;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PrivacyProperties[policyLocation=" + policyLocation + ", hashKey=" + (hashKey.isEmpty() ? "(generated)" : "(set)") + "]";
    }
}
