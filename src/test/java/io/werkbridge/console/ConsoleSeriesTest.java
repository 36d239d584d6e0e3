package io.werkbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.werkbridge.rights.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's time series: per-interval rates and counts, bucket-precise percentiles, and a bounded window. */
class ConsoleSeriesTest {

    // the hub's registry: Prometheus keeps its histograms cumulative, which the series' per-interval percentiles rely on
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ConsoleSeries series = new ConsoleSeries(registry, clock, Duration.ofSeconds(10), Duration.ofSeconds(60));

    private Counter received() {
        return Counter.builder(ConsoleSeries.RECEIVED).tag("flow", "orders").register(registry);
    }

    @Test
    void countersBecomeRatesAndCountsPerInterval() {
        series.sample();
        received().increment(20);
        Counter.builder(ConsoleSeries.DECISIONS).tags("destination", "shop", "category", "communication.phone", "action", "mask")
                .register(registry).increment(3);
        Counter.builder(ConsoleSeries.DECISIONS).tags("destination", "shop", "category", "billing.bank-account", "action", "drop")
                .register(registry).increment(2);
        Counter.builder(ConsoleSeries.DECISIONS).tags("destination", "shop", "category", "master.name", "action", "allow")
                .register(registry).increment();
        clock.advance(Duration.ofSeconds(10));
        series.sample();
        received().increment(5);
        clock.advance(Duration.ofSeconds(10));
        series.sample();

        ConsoleSeries.Window window = series.window();
        assertThat(window.times()).containsExactly(Instant.parse("2026-12-01T10:00:10Z"), Instant.parse("2026-12-01T10:00:20Z"));
        assertThat(window.series().get("rate|orders")).containsExactly(2.0, 0.5);
        assertThat(window.series().get("decision|shop|communication.phone|masked")).containsExactly(3.0, 0.0);
        assertThat(window.series().get("decision|shop|billing.bank-account|dropped")).containsExactly(2.0, 0.0);
        assertThat(window.series().get("decision|shop|master.name|sent")).containsExactly(1.0, 0.0);
        assertThat(series.latest("rate|orders")).isEqualTo(0.5);
    }

    @Test
    void latencyPercentilesAreThoseOfTheIntervalOnly() {
        Timer timer = Timer.builder(ConsoleSeries.LATENCY).tags("flow", "orders", "destination", "erp")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        for (int i = 0; i < 50; i++) {
            timer.record(Duration.ofSeconds(30)); // before the baseline: not in any interval
        }
        series.sample();
        for (int i = 0; i < 98; i++) {
            timer.record(Duration.ofMillis(20));
        }
        timer.record(Duration.ofMillis(900));
        timer.record(Duration.ofMillis(900));
        clock.advance(Duration.ofSeconds(10));
        series.sample();
        clock.advance(Duration.ofSeconds(10));
        series.sample();

        List<Double> p50 = series.window().series().get("p50|orders/erp");
        List<Double> p99 = series.window().series().get("p99|orders/erp");
        // bucket upper bounds: the first is the bucket of 20 ms, the second that of 900 ms; no deliveries: no value
        assertThat(p50.get(0)).isBetween(20.0, 30.0);
        assertThat(p99.get(0)).isBetween(900.0, 1200.0);
        assertThat(p50.get(1)).isNull();
        assertThat(p99.get(1)).isNull();
    }

    @Test
    void keepsNoMoreThanTheWindow() {
        series.sample();
        for (int i = 0; i < 20; i++) {
            received().increment();
            clock.advance(Duration.ofSeconds(10));
            series.sample();
        }
        ConsoleSeries.Window window = series.window();
        assertThat(window.times()).hasSize(6);
        assertThat(window.times().get(5)).isEqualTo(clock.instant());
        assertThat(window.series().get("rate|orders")).hasSize(6).allMatch(v -> v == 0.1);
    }

    @Test
    void aClientThatHasTheWindowGetsOnlyTheNewSamples() {
        series.sample();
        received().increment(10);
        clock.advance(Duration.ofSeconds(10));
        series.sample();
        Instant had = series.window().times().get(0);
        received().increment(30);
        clock.advance(Duration.ofSeconds(10));
        series.sample();

        ConsoleSeries.Window fresh = series.window(had);
        assertThat(fresh.times()).containsExactly(clock.instant());
        assertThat(fresh.series().get("rate|orders")).containsExactly(3.0);
        assertThat(fresh.capacity()).isEqualTo(6);
        assertThat(series.window(clock.instant()).times()).isEmpty();
        assertThat(series.window(clock.instant()).series()).isEmpty();
    }

    @Test
    void outcomesAsTheDpoReadsThem() {
        assertThat(ConsoleSeries.outcome("allow")).isEqualTo("sent");
        assertThat(ConsoleSeries.outcome("tokenize")).isEqualTo("masked");
        assertThat(ConsoleSeries.outcome("drop")).isEqualTo("dropped");
        assertThat(ConsoleSeries.outcome("hash")).isEqualTo("masked");
        assertThat(ConsoleSeries.outcome("mask")).isEqualTo("masked");
    }
}
