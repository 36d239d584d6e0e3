package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.connector.erp.idoc.DebmasFiles;
import io.werkbridge.model.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The initial-load folder: a file of thousands of customer IDocs is read as a stream, every customer delivered once to
 * the shop and the portal, a broken IDoc refused on its own, progress shown to operators and logged without the file's
 * name; a load that stopped midway continues after its checkpoint, and a file read again is delivered once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErpInitialLoadTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Value("${werkbridge.erp.initial-load.folder}")
    String folder;

    @Test
    void twoThousandCustomersAreStreamedAndEachDeliveredOnce(CapturedOutput output) throws Exception {
        String prefix = prefix();
        int count = 2_000;
        // a name that names a person: the log and the operations API show only its hash
        String name = "kunden-erika-musterfrau-" + prefix + ".xml";
        drop(name, count, i -> i == 999 ? DebmasFiles.idoc(prefix, i).replace("E1KNA1M", "E1KNA1X") : DebmasFiles.idoc(prefix, i));

        await().atMost(WAIT).until(() -> Files.exists(dir("done").resolve(name)));
        String refused = Files.readString(dir("error").resolve(name + ".refused.txt"));
        assertThat(refused).isEqualTo("IDoc 1000: mandatory segment E1KNA1M (customer general data) is missing\n");
        await().atMost(WAIT).until(() -> deliveries(SHOP, prefix).size() == count - 1 && deliveries(PORTAL, prefix).size() == count - 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() ->
                deliveries(SHOP, prefix).values().stream().allMatch(n -> n == 1)
                        && deliveries(PORTAL, prefix).values().stream().allMatch(n -> n == 1));
        assertThat(deliveries(SHOP, prefix)).doesNotContainKey(DebmasFiles.customer(prefix, 999))
                .containsKeys(DebmasFiles.customer(prefix, 0), DebmasFiles.customer(prefix, 1999));

        JsonNode load = load(name);
        assertThat(load.path("source").asText()).isEqualTo("erp-inbox");
        assertThat(load.path("state").asText()).isEqualTo("DONE");
        assertThat(load.path("items").asLong()).isEqualTo(count - 1);
        assertThat(load.path("refused").asLong()).isEqualTo(1);
        assertThat(load.path("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(api().get("/api/v1/operations/initial-loads", "erp").statusCode()).isEqualTo(403);
        assertThat(output.getAll()).contains("ERP initial load: file " + hash(name).substring(0, 8))
                .doesNotContain("musterfrau-" + prefix);
        assertThat(dir(".progress")).isEmptyDirectory();
    }

    /**
     * A hub that stopped after a batch of 500 left a checkpoint of 500 IDocs: the file is read again after the
     * restart and the load continues after them. Dropped again as a whole, every IDoc is queued again with the same
     * message id, and each customer still reaches each destination once.
     */
    @Test
    void aStoppedLoadContinuesAfterItsCheckpointAndARepeatIsDeliveredOnce() throws Exception {
        String prefix = prefix();
        int count = 700;
        String name = "resume-" + prefix + ".xml";
        Path staged = dir("").resolve("." + name);
        DebmasFiles.write(staged, prefix, count);
        Files.writeString(Files.createDirectories(dir(".progress")).resolve(hash(name) + ".checkpoint"),
                "file=" + Files.size(staged) + "/" + staged.toFile().lastModified() + "\nidocs=500\n");
        Files.move(staged, dir("").resolve(name), StandardCopyOption.ATOMIC_MOVE);

        // the load's progress is read as soon as the file is done: the list keeps only the newest finished loads
        java.util.concurrent.atomic.AtomicReference<JsonNode> finished = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            if (Files.exists(dir("done").resolve(name)) && finished.get() == null) {
                finished.set(load(name));
            }
            return finished.get() != null && deliveries(PORTAL, prefix).size() == 200 && deliveries(SHOP, prefix).size() == 200;
        });
        assertThat(deliveries(SHOP, prefix)).containsOnlyKeys(IntStream.range(500, 700)
                .mapToObj(i -> DebmasFiles.customer(prefix, i)).toList());
        JsonNode resumed = finished.get();
        assertThat(resumed.path("skipped").asLong()).isEqualTo(500);
        assertThat(resumed.path("items").asLong()).isEqualTo(200);

        Files.delete(dir("done").resolve(name));
        drop(name, count, i -> DebmasFiles.idoc(prefix, i));
        await().atMost(WAIT).until(() -> deliveries(SHOP, prefix).size() == count && deliveries(PORTAL, prefix).size() == count);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() ->
                deliveries(SHOP, prefix).values().stream().allMatch(n -> n == 1)
                        && deliveries(PORTAL, prefix).values().stream().allMatch(n -> n == 1));
    }

    /** A fresh three-digit prefix for this test's customer numbers (prefix + six digits). */
    private static String prefix() {
        return "9" + ThreadLocalRandom.current().nextInt(10, 100);
    }

    private void drop(String name, int count, java.util.function.IntFunction<String> idoc) throws Exception {
        Path staged = dir("").resolve("." + name);
        DebmasFiles.write(staged, count, idoc);
        Files.move(staged, dir("").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path dir(String sub) throws Exception {
        return new ErpInboxFolder(folder).dir(sub);
    }

    /** The newest load of the file, as an operator sees it. */
    private JsonNode load(String name) {
        String subject = "file " + hash(name).substring(0, 8) + ".xml";
        for (JsonNode load : api().json(api().get("/api/v1/operations/initial-loads", "operator"))) {
            if (load.path("subject").asText().equals(subject)) {
                return load;
            }
        }
        throw new AssertionError("no initial load of " + subject);
    }

    /** Customers of this test delivered to a stub, with how often each arrived. */
    private static Map<String, Long> deliveries(WireMockServer server, String prefix) {
        return server.getAllServeEvents().stream()
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()).path("body").path("customerNumber").asText())
                .filter(number -> number.startsWith(prefix) && number.length() == prefix.length() + 6)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String hash(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
