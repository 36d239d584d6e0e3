package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.ErpXmlDocuments.Format;
import io.werkbridge.messaging.FeedsFlows;
import io.werkbridge.model.LogSafe;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ERP inbox folder ({@code werkbridge.erp.inbox}, route {@code erp-inbox}): each file is checked against the size
 * limit before it is read, then read as IDoc XML or a UBL invoice and queued. A refused file gets
 * {@code error/<file>.reason.txt} (the rule broken, never a value); the route moves the file itself. A document at
 * fault is told apart from a failure of the hub (broker, database): only the latter is worth a retry. File names may
 * name a person and may hold control characters: logs carry {@link LogSafe#fileName} only.
 */
@Component("erpInbox")
public final class ErpInbox {

    private static final Logger LOG = LoggerFactory.getLogger(ErpInbox.class);
    private final ErpXmlDocuments documents;
    private final long maxBytes;
    private final Path errors;

    public ErpInbox(ErpXmlDocuments documents, ErpInboxProperties properties) {
        this.documents = documents;
        this.maxBytes = properties.inboxMaxFileSize().toBytes();
        this.errors = Path.of(properties.inbox(), "error");
    }

    @FeedsFlows(value = {ErpDocument.CUSTOMER_MASTER, ErpDocument.INVOICES}, from = "ERP")
    public void receive(Exchange exchange) throws IOException {
        File file = exchange.getIn().getBody(File.class);
        if (file.length() > maxBytes) {
            throw new InvalidErpDocumentException("the file is larger than the limit of " + maxBytes
                    + " bytes (werkbridge.erp.inbox-max-file-size) and was not read; split it into smaller documents");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
            List<String> ids = documents.receive(in, EnumSet.allOf(Format.class));
            LOG.info("ERP inbox: {} was read and {} message(s) queued: {}", LogSafe.fileName(file.getName()), ids.size(), ids);
        }
    }

    /** Writes the reason file for the file that failed (the route then moves the file to {@code error/}). */
    public void refuse(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InvalidErpDocumentException invalid = documentFault(cause);
        String reason = invalid != null
                ? "the document is at fault: " + invalid.getMessage() + "; correct the document, do not retry it as it is"
                : "the hub could not queue the document (" + (cause == null ? "unknown error" : cause.getClass().getSimpleName())
                  + "); the document itself may be fine; the hub log has the cause; move the file back into the inbox"
                  + " to try again";
        String name = Path.of(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class)).getFileName().toString();
        Files.createDirectories(errors);
        Files.writeString(errors.resolve(name + ".reason.txt"), "file: " + LogSafe.text(name) + "\nrefused at: "
                + Instant.now() + "\nreason: " + reason + "\n", StandardCharsets.UTF_8);
        if (invalid != null) {
            LOG.warn("ERP inbox: {} was refused and moved to error/ beside its reason file: {}",
                    LogSafe.fileName(name), reason);
        } else {
            LOG.error("ERP inbox: {} could not be queued and was moved to error/ beside its reason file",
                    LogSafe.fileName(name), cause);
        }
    }

    private static InvalidErpDocumentException documentFault(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InvalidErpDocumentException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
