package io.werkbridge.connector.erp;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP inbox folder ({@code werkbridge.erp.*}). The route {@code erp-inbox} reads the folder and the two timings
 * itself, as {@code {{werkbridge.erp.…}}} placeholders from the environment: so they have no default here
 * (config/application.yml has them; a route would not see a default written here). This record checks them at
 * start-up.
 *
 * @param inbox            the folder; refused files go to its {@code error/} subfolder
 * @param inboxMaxFileSize larger files are refused unread
 * @param inboxPollInterval milliseconds between two looks into the folder (and between two size checks of a file)
 * @param inboxMinAge      milliseconds a file's size and time must stay unchanged before it is read
 */
@Validated
@ConfigurationProperties("werkbridge.erp")
public record ErpInboxProperties(@NotBlank String inbox, @PositiveDataSize DataSize inboxMaxFileSize,
                                 @NotNull @Positive Long inboxPollInterval, @NotNull @PositiveOrZero Long inboxMinAge) {

    public ErpInboxProperties {
        inboxMaxFileSize = inboxMaxFileSize == null ? DataSize.ofMegabytes(10) : inboxMaxFileSize;
    }
}
