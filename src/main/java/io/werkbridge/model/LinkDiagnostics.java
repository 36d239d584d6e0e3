package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Canonical serial link diagnostics of one machine, for remote support of its serial interface (schema
 * {@code link-diagnostics}): the link's settings and counters, and the frames of a capture, redacted when captured.
 * The capture is personal: its frames are timed to the shift of whoever works at the machine.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkDiagnostics(
        String machineNumber,
        String machineType,
        Instant collectedAt,
        Map<String, String> link,
        Map<String, Object> statistics,
        @PersonalData Capture capture) {

    /** The frames captured since the capture was armed. */
    public record Capture(List<Frame> frames) {
    }

    /** One redacted frame: when it came, its length in bytes, its text with every value but a machine's codes blanked. */
    public record Frame(Instant at, int length, String payload) {
    }
}
