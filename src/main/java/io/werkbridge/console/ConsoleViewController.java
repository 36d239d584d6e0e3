package io.werkbridge.console;

import io.werkbridge.messaging.ExpiredParkings;
import io.werkbridge.rights.RetentionService;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's pictures as JSON: the flow map, the last hour of the hub's own metrics and the parked messages past
 * the retention age. Under /console/, so the console's security applies (operators and the DPO; counts,
 * configuration ids, reasons and dates only, no message content and no message ids).
 */
@RestController
public final class ConsoleViewController {

    /**
     * Parked messages past the retention age that share a place and a reason: how many, since when.
     *
     * @param destination null for dead letters of the flow
     */
    public record Expired(String flow, String destination, String kind, String reason, int count, Instant oldest,
                          Instant newest) {
    }

    private final FlowMap map;
    private final ConsoleSeries series;
    private final RetentionService retention;

    public ConsoleViewController(FlowMap map, ConsoleSeries series, RetentionService retention) {
        this.map = map;
        this.series = series;
        this.retention = retention;
    }

    @GetMapping("/console/map")
    public FlowMap.View map() {
        return map.build();
    }

    /** @param after only the samples taken after this instant (the console asks for what it does not have yet) */
    @GetMapping("/console/series")
    public ConsoleSeries.Window series(@RequestParam(required = false) Instant after) {
        return series.window(after);
    }

    /**
     * What awaits a decision (release, replay or discard, by an operator) past the retention age, for the DPO too,
     * who may not use the operations API: grouped, so a message's id never reaches the DPO's screen.
     */
    @GetMapping("/console/expired")
    public List<Expired> expired() {
        Map<List<String>, Expired> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        for (ExpiredParkings.Expired e : retention.expiredParkings()) {
            List<String> key = java.util.Arrays.asList(e.flow(), Objects.toString(e.destination(), ""), e.kind(),
                    Objects.toString(e.reason(), ""));
            groups.merge(key, new Expired(e.flow(), e.destination(), e.kind(), e.reason(), 1, e.parkedAt(), e.parkedAt()),
                    (a, b) -> new Expired(a.flow(), a.destination(), a.kind(), a.reason(), a.count() + b.count(),
                            earlier(a.oldest(), b.oldest()), later(a.newest(), b.newest())));
        }
        return List.copyOf(groups.values());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
