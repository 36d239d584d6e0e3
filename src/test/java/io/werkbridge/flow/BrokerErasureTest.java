package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.messaging.BrokerErasure;
import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.rights.RightsRequest;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsService;
import io.werkbridge.rights.RightsStore;
import io.werkbridge.rights.SubjectIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Nothing personal left in the broker after erasure: a customer message whose contact is restricted for the shop is
 * held on the embedded broker (file journal) and delivered to the portal; the contact is erased; then no file under
 * the broker's data directory (journal, bindings, paging, large messages) holds the contact's synthetic values, as
 * UTF-8 or as the UTF-16 Artemis writes strings in.
 */
class BrokerErasureTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcSubjectRestrictions restrictions;
    @Autowired
    RightsService rights;
    @Autowired
    RightsStore requests;
    @Autowired
    HoldQueues holds;
    @Autowired
    Environment environment;
    @Autowired
    BrokerErasure brokerErasure;

    @Test
    void erasingAContactRemovesItsHeldMessageAndLeavesNoneOfItsValuesInTheBrokersFiles() throws Exception {
        long n = System.nanoTime() % 1_000_000_000L;
        String number = "E-" + n;
        String email = "erase-" + n + "@example.com";
        String remarks = "Rueckruf erbeten erase-" + n;
        restrictions.add(number + "/K-17", "online-shop", Kind.RESTRICTION);
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", email, remarks));
        await().atMost(WAIT).until(() -> delivered(PORTAL, number).size() == 1);
        // this test's own held message: earlier tests may have left other restriction holds on the same queue
        await().atMost(WAIT).until(() -> holds.list("customer-master", "shop").stream()
                .anyMatch(h -> h.reason().contains("restriction") && held(h, number)));
        Path broker = Path.of(environment.getRequiredProperty("spring.artemis.embedded.data-directory"));
        assertThat(filesHolding(broker, email)).as("the scan finds the held message before the erasure").isNotEmpty();

        RightsRequest erasure = rights.submit(RightsRequestType.ERASURE, new SubjectIds(number, "K-17", null), null, null, null);
        await().atMost(WAIT).until(() -> requests.find(erasure.id()).orElseThrow().tasks().stream()
                .anyMatch(t -> t.system().equals("werkbridge") && t.state() == RightsRequest.TaskState.DONE));

        assertThat(requests.find(erasure.id()).orElseThrow().tasks().stream().filter(t -> t.system().equals("werkbridge"))
                .findFirst().orElseThrow().result()).contains("1 message(s) about the subject removed");
        assertThat(holds.list("customer-master", "shop")).noneMatch(h -> h.reason().contains("restriction") && held(h, number));
        assertThat(brokerErasure.countMatching(body -> body.contains(email))).as("no message with the e-mail left on any queue").isZero();
        assertThat(filesHolding(broker, email)).as("files: %s", listing(broker)).isEmpty();
        assertThat(filesHolding(broker, remarks)).isEmpty();
        restrictions.lift(number + "/K-17", "online-shop", Kind.RESTRICTION);
    }

    private boolean held(HoldQueues.Held held, String number) {
        return holds.find("customer-master", "shop", held.messageId()).map(m -> m.toString().contains(number)).orElse(false);
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f) + ":" + f.toFile().length()).toList();
        }
    }

    /** Files under {@code root} that contain {@code value} as UTF-8, UTF-16LE or UTF-16BE. */
    private static List<Path> filesHolding(Path root, String value) throws IOException {
        List<byte[]> patterns = List.of(value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_16LE),
                value.getBytes(StandardCharsets.UTF_16BE));
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                if (patterns.stream().anyMatch(p -> indexOf(content, p) >= 0)) {
                    found.add(root.relativize(file));
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
