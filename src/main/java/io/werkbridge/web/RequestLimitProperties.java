package io.werkbridge.web;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBody          largest request body the API ({@code /api/**}) accepts (413 above it)
 * @param maxSoapBody      largest SOAP request ({@code /services/**}) the hub accepts (413, or a SOAP fault when the
 *                         body has no declared length); a large DEBMAS-sized customer is a few kilobytes
 * @param maxDocumentBody  largest ERP document ({@code /api/v1/erp/**}: IDoc, UBL, CII, ZUGFeRD PDF) the API accepts;
 *                         e-invoices carry their attachments, so this is larger than {@code maxBody}
 * @param requestsPerSecond sustained requests per client per second (429 above it)
 * @param burst            requests a client may send at once before the rate applies
 */
@Validated
@ConfigurationProperties("werkbridge.security.limits")
public record RequestLimitProperties(@PositiveDataSize DataSize maxBody, @PositiveDataSize DataSize maxSoapBody,
                                     @PositiveDataSize DataSize maxDocumentBody,
                                     @Positive Double requestsPerSecond, @Min(1) Integer burst) {

    public RequestLimitProperties {
        maxBody = maxBody == null ? DataSize.ofKilobytes(512) : maxBody;
        maxSoapBody = maxSoapBody == null ? DataSize.ofMegabytes(2) : maxSoapBody;
        maxDocumentBody = maxDocumentBody == null ? DataSize.ofMegabytes(10) : maxDocumentBody;
        requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
        burst = burst == null ? 100 : burst;
    }
}
