package io.werkbridge.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's pictures as JSON: the flow map and the last hour of the hub's own metrics. Under /console/, so the
 * console's security applies (operators and the DPO; counts and configuration ids only, no message content).
 */
@RestController
public final class ConsoleViewController {

    private final FlowMap map;
    private final ConsoleSeries series;

    public ConsoleViewController(FlowMap map, ConsoleSeries series) {
        this.map = map;
        this.series = series;
    }

    @GetMapping("/console/map")
    public FlowMap.View map() {
        return map.build();
    }

    @GetMapping("/console/series")
    public ConsoleSeries.Window series() {
        return series.window();
    }
}
