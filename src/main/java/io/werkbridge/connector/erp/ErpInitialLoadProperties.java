package io.werkbridge.connector.erp;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP inbox's bulk folder for initial loads ({@code werkbridge.erp.initial-load.*}, route {@code erp-initial-load}):
 * a file of any number of customer IDocs, read as a stream and queued in batches. The route reads the folder and the
 * poll interval as placeholders (config/application.yml has them); this record checks them at start-up.
 *
 * @param folder       the folder; loaded files move to its {@code done/}, refused ones to {@code error/}
 * @param maxFileSize  larger files are refused unread
 * @param batchSize    IDocs queued per broker transaction (one journal sync each) and per checkpoint
 * @param pollInterval milliseconds between two looks into the folder
 */
@Validated
@ConfigurationProperties("werkbridge.erp.initial-load")
public record ErpInitialLoadProperties(@NotBlank String folder, @PositiveDataSize DataSize maxFileSize,
                                       @NotNull @Positive Integer batchSize, @NotNull @Positive Long pollInterval) {

    public ErpInitialLoadProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
    }
}
