package io.werkbridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingTheTimeItWasMade() {
        Instant at = Instant.parse("2026-11-26T20:21:00.123Z");

        UUID id = MessageIds.next(Clock.fixed(at, ZoneOffset.UTC));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void idsMadeLaterSortLaterAsTextAsTheIndexesCompareThem() {
        String earlier = MessageIds.next(Clock.fixed(Instant.parse("2026-11-26T20:21:00.123Z"), ZoneOffset.UTC)).toString();
        String later = MessageIds.next(Clock.fixed(Instant.parse("2026-11-26T20:21:00.124Z"), ZoneOffset.UTC)).toString();
        String muchLater = MessageIds.next(Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC)).toString();

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Clock sameMillisecond = Clock.fixed(Instant.parse("2026-11-26T20:21:00.123Z"), ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(MessageIds.next(sameMillisecond));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void anEnvelopeGetsSuchAnId() {
        Envelope envelope = Envelope.create(EntityType.CUSTOMER, "K-1", Operation.UPSERT, Instant.now(), "test",
                CanonicalJson.tree(Map.of("x", 1)));

        assertThat(UUID.fromString(envelope.messageId()).version()).isEqualTo(7);
    }

    @Test
    void theSameContentFromTheSameSourceHasTheSameNameBasedId() {
        var order = CanonicalJson.read("{\"orderNumber\":\"ORD-1\",\"lines\":[{\"partNumber\":\"P-1\",\"quantity\":2}]}");
        String id = MessageIds.of("shop", order);
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(MessageIds.of("shop", CanonicalJson.read(CanonicalJson.write(order)))).isEqualTo(id);
        assertThat(MessageIds.of("portal", order)).isNotEqualTo(id);
        assertThat(MessageIds.of("shop", CanonicalJson.read("{\"orderNumber\":\"ORD-1\",\"lines\":[{\"partNumber\":\"P-1\",\"quantity\":3}]}")))
                .isNotEqualTo(id);
    }
}
