package io.werkbridge.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.vault.DataKeys;
import io.werkbridge.privacy.vault.PseudonymVault;
import io.werkbridge.privacy.vault.SealedBox;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rights data sealed in the former format (before the Tink keyset) is converted when the hub starts, and sealed data
 * is bound to its request: the ciphertexts below were made by the former SealedBox under the key it derived from
 * this hub key.
 */
class RightsSealedDataTest {

    private static final byte[] HUB_KEY = "vault-test-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private static final String FORMER_PAYLOAD = "QnV6wSlk/M44WHzIL7L3Cv/4xesQOhdl0ctQw2H05FygTSYzlaiToYNgPI+VI3a1qghuEXSoYyNC";
    private static final String FORMER_EXPORT =
            "dAgEjYWkO78+I4bFi4FZMCWiAXBUJQZKG2ItgJeJy8Hgal6emr8841vmjZGN35gbKKbJMTZyR4IKqqXwK6m2iw==";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private DriverManagerDataSource ds;
    private JdbcTemplate jdbc;

    @BeforeEach
    void formerDatabase() {
        ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("8").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @Test
    void formerPayloadsAndExportsAreReadableAfterTheStartAndStoredSealedForTheirRow() {
        String id = UUID.randomUUID().toString();
        insertRequest(id, FORMER_PAYLOAD);
        jdbc.update("INSERT INTO rights_task (request_id, system, state, attempts, next_attempt_at, result, completed_at)"
                + " VALUES (?, 'erp', 'DONE', 1, ?, 'exported', ?)", id, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        jdbc.update("INSERT INTO rights_export (request_id, system, data_cipher, created_at) VALUES (?, 'erp', ?, ?)",
                id, FORMER_EXPORT, Timestamp.from(clock.instant()));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        SealedBox box = new SealedBox(DataKeys.open(jdbc, HUB_KEY));

        RightsStore store = new RightsConfiguration().rightsStore(jdbc, box, new ValueOperators(HUB_KEY));

        String payload = store.pending(id).orElseThrow().payloadCipher();
        assertThat(payload).startsWith("v2:");
        assertThat(box.open(payload, RightsStore.payloadRow(id))).isEqualTo("{\"email\":\"erika@example.com\"}");
        assertThat(store.exports(id)).singleElement().satisfies(row -> assertThat(row[1]).startsWith("v2:"));
        OwnStoresTarget own = new OwnStoresTarget(new DisclosureSearch(ds), new PseudonymVault(jdbc, HUB_KEY, box), jdbc);
        ObjectNode export = new RightsExport(store, own, box, clock).json(store.find(id).orElseThrow());
        assertThat(export.path("systems").path("erp").path("data").path("customer").asText()).isEqualTo("100234");
        assertThat(export.path("systems").path("erp").path("data").path("name").asText()).isEqualTo("Erika");
    }

    @Test
    void aPayloadCopiedToAnotherRequestIsRefused() {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        SealedBox box = new SealedBox(DataKeys.open(jdbc, HUB_KEY));
        String erika = UUID.randomUUID().toString();
        String max = UUID.randomUUID().toString();
        insertRequest(erika, box.seal("{\"email\":\"erika@example.com\"}", RightsStore.payloadRow(erika)));
        insertRequest(max, box.seal("{\"email\":\"max@example.com\"}", RightsStore.payloadRow(max)));
        RightsStore store = new RightsStore(jdbc, clock);

        jdbc.update("UPDATE rights_request SET payload_cipher = (SELECT payload_cipher FROM rights_request WHERE id = ?) WHERE id = ?", erika, max);

        assertThatThrownBy(() -> box.open(store.pending(max).orElseThrow().payloadCipher(), RightsStore.payloadRow(max)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sealed for another row").hasMessageNotContaining("erika");
        assertThat(box.open(store.pending(erika).orElseThrow().payloadCipher(), RightsStore.payloadRow(erika))).contains("erika@example.com");
    }

    private void insertRequest(String id, String payloadCipher) {
        jdbc.update("INSERT INTO rights_request (id, type, customer_number, contact_id, received_at, due_at, state, payload_cipher)"
                        + " VALUES (?, 'ACCESS', '100234', 'K-1', ?, ?, 'OPEN', ?)",
                id, Timestamp.from(clock.instant()), Timestamp.from(clock.instant().plusSeconds(86_400)), payloadCipher);
    }
}
