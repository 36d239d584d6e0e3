package io.werkbridge.connector.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterASuccess() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(IntStream.range(0, 7).mapToLong(i -> backoff.nextDelayMillis()).toArray())
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isEqualTo(100);
    }

    @Test
    void rejectsAnInitialDelayAboveTheCapOrBelowOneMillisecond() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofMillis(500), Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectDelay <= maxReconnectDelay");
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
