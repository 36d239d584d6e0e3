package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.idoc.IdocProperties;
import io.werkbridge.connector.erp.idoc.IdocReader;
import io.werkbridge.connector.erp.idoc.IdocStream;
import io.werkbridge.connector.erp.idoc.SapPartyKinds;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.InvalidCanonicalMessageException;
import io.werkbridge.model.LogSafe;
import io.werkbridge.operations.InitialLoads;
import io.werkbridge.rights.CustomerContracts;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.springframework.stereotype.Component;

/**
 * The bulk path of the ERP inbox for a first load (route {@code erp-initial-load}, folder
 * {@code werkbridge.erp.initial-load.folder}): a file of customer IDocs (DEBMAS) of any size, read as a stream one IDoc
 * at a time ({@link IdocStream}) and queued on the customer-master flow in batches, one broker transaction each. The
 * heap holds one batch, whatever the size of the file. Progress (count, rate, share of the file read, time left) is
 * logged and shown at {@code GET /api/v1/operations/initial-loads}; the file is named only by the hash of its name.
 *
 * <p>An IDoc that cannot be read or mapped is refused on its own, with its position and the rule it breaks in
 * {@code error/<file>.refused.txt}; the others are loaded. A file that is not IDoc XML, not customer master, or breaks
 * off (not well-formed) goes to {@code error/} with a reason file; the IDocs queued before that stay queued.
 *
 * <p>Restart safety: after each batch a checkpoint (IDocs done, for this file's name, size and time) is written
 * beside the folder's files, in {@code .progress/}, and removed when the whole file is queued. The route leaves the file where it is when the hub fails or stops
 * during the load, so after a restart the load continues after the checkpoint. A batch queued after the last
 * checkpoint is queued again: an IDoc's message id follows from its sending system and number (DOCNUM), so the broker's
 * duplicate detection and the delivery ledger deliver it once.
 */
@Component("erpInitialLoad")
public final class ErpInitialLoad {

    static final String SOURCE = "erp-inbox";
    private static final String FLOW = "customer-master";
    private static final Logger LOG = LoggerFactory.getLogger(ErpInitialLoad.class);

    private final InboundPublisher publisher;
    private final CanonicalValidator validator;
    private final CustomerContracts contracts;
    private final SapPartyKinds partyKinds;
    private final InitialLoads loads;
    private final long maxBytes;
    private final int batchSize;
    private final Path folder;

    public ErpInitialLoad(InboundPublisher publisher, CanonicalValidator validator, CustomerContracts contracts,
                          IdocProperties idoc, InitialLoads loads, ErpInitialLoadProperties properties) {
        this.publisher = publisher;
        this.validator = validator;
        this.contracts = contracts;
        this.partyKinds = idoc.partyKinds();
        this.loads = loads;
        this.maxBytes = properties.maxFileSize().toBytes();
        this.batchSize = properties.batchSize();
        this.folder = Path.of(properties.folder());
    }

    /** Thrown between two batches when the hub is stopping: the file stays, the load continues after a restart. */
    static final class Stopped extends RuntimeException {
        Stopped(long idocs) {
            super("the hub is stopping; the load stopped after " + idocs + " IDoc(s) and continues after the restart");
        }
    }

    public void receive(Exchange exchange) throws IOException {
        File file = exchange.getIn().getBody(File.class);
        if (file.length() > maxBytes) {
            throw new InvalidErpDocumentException("the file is larger than the limit of " + maxBytes
                    + " bytes (werkbridge.erp.initial-load.max-file-size) and was not read");
        }
        String subject = LogSafe.fileName(file.getName());
        InitialLoads.Progress progress = loads.start(SOURCE, subject);
        try {
            Counts counts = load(file, progress, () -> exchange.getContext().isStopping());
            progress.done();
            LOG.info("ERP initial load: {} read: {} customer(s) queued, {} queued before a restart, {} refused{}", subject,
                    counts.queued, counts.skipped, counts.refused,
                    counts.refused > 0 ? " (error/<file>.refused.txt names each and why)" : "");
        } catch (Stopped e) {
            progress.interrupted(e.getMessage());
            throw e;
        } catch (InvalidErpDocumentException e) {
            progress.failed(e.getMessage());
            throw e;
        } catch (RuntimeException | IOException e) {
            progress.failed("the hub could not queue the IDocs (" + e.getClass().getSimpleName() + ")");
            throw e;
        }
    }

    /** IDocs queued, passed over (queued by an earlier run) and refused. */
    private static final class Counts {
        long seen;
        long queued;
        long skipped;
        long refused;
    }

    private Counts load(File file, InitialLoads.Progress progress, java.util.function.BooleanSupplier stopping) throws IOException {
        Checkpoint checkpoint = new Checkpoint(folder.resolve(".progress"), file);
        long resumeAfter = checkpoint.read();
        Counts counts = new Counts();
        long size = Math.max(1, file.length());
        List<Envelope> batch = new ArrayList<>(batchSize);
        try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file.toPath()), 64 * 1024));
             IdocStream idocs = new IdocStream(in)) {
            if (!IdocReader.isDebmas(idocs.type())) {
                throw new InvalidErpDocumentException("an initial load reads customer master (DEBMAS01..09), not "
                        + idocs.type() + "; put other IDocs into the inbox itself");
            }
            for (Element idoc = idocs.next(); idoc != null; idoc = idocs.next()) {
                counts.seen++;
                if (counts.seen <= resumeAfter) {
                    counts.skipped++;
                    continue;
                }
                try {
                    batch.add(IdocReader.readOne(idocs.type(), idoc, partyKinds).envelope());
                } catch (InvalidErpDocumentException e) {
                    refuse(file, counts, counts.seen, e.getMessage());
                }
                if (batch.size() >= batchSize) {
                    queue(file, batch, counts);
                    checkpoint.write(counts.seen);
                    progress.update(counts.queued, counts.skipped, counts.refused, (double) in.count / size);
                    if (stopping.getAsBoolean()) {
                        throw new Stopped(counts.seen);
                    }
                }
            }
            queue(file, batch, counts);
            progress.update(counts.queued, counts.skipped, counts.refused, 1.0);
        }
        // all queued: the same file dropped again is read in full (and each IDoc delivered once)
        checkpoint.clear();
        return counts;
    }

    /**
     * Validates each message (an invalid one is refused, the rest go on), writes the valid customers' contract ends in
     * one group commit, and queues them in one broker transaction. The contract ends first: the inbound consumers that
     * publish the customers then find them remembered, instead of each waiting for a commit of its own (which held
     * the deliveries of an initial load back, docs/benchmarks.md).
     */
    private void queue(File file, List<Envelope> batch, Counts counts) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Envelope> valid = new ArrayList<>(batch.size());
        List<String> json = new ArrayList<>(batch.size());
        long position = counts.seen - batch.size();
        for (Envelope envelope : batch) {
            position++;
            try {
                json.add(validator.toValidJson(envelope));
                valid.add(envelope);
            } catch (InvalidCanonicalMessageException e) {
                refuse(file, counts, position, "no valid canonical customer: " + String.join("; ", e.violations()));
            }
        }
        if (!valid.isEmpty()) {
            contracts.rememberAll(valid);
            publisher.publishAllValid(FLOW, valid, json);
        }
        counts.queued += valid.size();
        batch.clear();
    }

    /** Notes one refused IDoc (its position in the file and the rule; no value) in the file's refusal list. */
    private void refuse(File file, Counts counts, long position, String reason) throws IOException {
        counts.refused++;
        Path errors = Files.createDirectories(folder.resolve("error"));
        Files.writeString(errors.resolve(file.getName() + ".refused.txt"),
                "IDoc " + position + ": " + LogSafe.text(reason) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The route's error handling: a file at fault goes to {@code error/} with its reason file; after a failure of the
     * hub (broker, database) or a stop, the file stays where it is and is read again at the next poll, after its
     * checkpoint.
     */
    public void failed(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        if (!(cause instanceof InvalidErpDocumentException invalid)) {
            LOG.warn("ERP initial load: {} stays in the folder and is read again after its checkpoint: {}",
                    LogSafe.fileName(name), cause instanceof Stopped ? cause.getMessage() : "the hub could not queue the IDocs ("
                            + (cause == null ? "unknown error" : cause.getClass().getSimpleName()) + ")");
            return;
        }
        Path errors = Files.createDirectories(folder.resolve("error"));
        Files.writeString(errors.resolve(name + ".reason.txt"), "file: " + LogSafe.text(name) + "\nrefused at: "
                + Instant.now() + "\nreason: the file is at fault: " + invalid.getMessage() + "; the IDocs before the fault"
                + " were queued; correct the file and drop it again (IDocs queued already are delivered once)\n",
                StandardCharsets.UTF_8);
        Files.move(file, errors.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        LOG.warn("ERP initial load: {} was refused and moved to error/ beside its reason file: {}", LogSafe.fileName(name),
                invalid.getMessage());
    }

    /** How many IDocs of a file are done, kept beside the folder's files under a hash of the file's name. */
    private static final class Checkpoint {
        private final Path path;
        private final String identity;

        Checkpoint(Path dir, File file) {
            this.path = dir.resolve(hash(file.getName()) + ".checkpoint");
            this.identity = file.length() + "/" + file.lastModified();
        }

        /** IDocs done by an earlier run of the same file (same name, size and time), else 0. */
        long read() throws IOException {
            if (!Files.exists(path)) {
                return 0;
            }
            Properties saved = new Properties();
            try (InputStream in = Files.newInputStream(path)) {
                saved.load(in);
            }
            return identity.equals(saved.getProperty("file")) ? Long.parseLong(saved.getProperty("idocs", "0")) : 0;
        }

        /** Written to a temporary file and moved over the old one, so a crash leaves the old or the new one. */
        void write(long idocs) throws IOException {
            Files.createDirectories(path.getParent());
            Path next = path.resolveSibling(path.getFileName() + ".next");
            Files.writeString(next, "file=" + identity + "\nidocs=" + idocs + "\n", StandardCharsets.ISO_8859_1);
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        void clear() throws IOException {
            Files.deleteIfExists(path);
        }

        private static String hash(String name) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /** Bytes read so far, for the share of the file done. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
