package io.werkbridge.privacy;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param policyLocation the folder of the privacy policies; no default here: config/application.yml names the shipped one
 * @param hashKey        HMAC key of the {@code hash} action (32 bytes or more, base64 or text); empty: generated once
 *                       and kept in the database. Deliberately without a constraint: a failed constraint prints the
 *                       rejected value, and this is a secret (the key's length is checked where it is used, silently).
 * @param previousHashKey the former hub key, for one start after the key changed: the data keyset is re-wrapped
 *                        under the new one (docs/operations.md, "Key management"); a secret, so no constraint
 * @param dataKeyRotation how old the primary data key may get before the next value sealed adds a new one
 */
@Validated
@ConfigurationProperties("werkbridge.privacy")
public record PrivacyProperties(@NotBlank String policyLocation, String hashKey, String previousHashKey,
                                @DurationMin(days = 1) Duration dataKeyRotation) {

    public PrivacyProperties {
        hashKey = hashKey == null ? "" : hashKey;
        previousHashKey = previousHashKey == null ? "" : previousHashKey;
        dataKeyRotation = dataKeyRotation == null ? Duration.ofDays(90) : dataKeyRotation;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PrivacyProperties[policyLocation=" + policyLocation + ", hashKey=" + (hashKey.isEmpty() ? "(generated)" : "(set)")
                + ", previousHashKey=" + (previousHashKey.isEmpty() ? "(none)" : "(set)") + ", dataKeyRotation=" + dataKeyRotation + "]";
    }
}
