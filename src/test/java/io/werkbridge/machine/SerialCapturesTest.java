package io.werkbridge.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.model.MachineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capture for remote support: only when armed, bounded, and redacted by the machine file's mapping as frames are taken. */
class SerialCapturesTest {

    private static final MachineDefinition PRESS = new MachineDefinition("press.yml", "press", "M-1", "press", "100234", true,
            new Connection.Serial("/dev/ttyS0", "stx-etx", Map.of(), "key-value"), List.of(
            new MappingRule("STATE", MachineEvent.Kind.status, "execution", null, MappingRule.ValueType.AUTO),
            new MappingRule("SPEED", MachineEvent.Kind.status, "speed", null, MappingRule.ValueType.NUMBER),
            new MappingRule("OPID", null, null, MappingRule.Field.OPERATOR_ID, MappingRule.ValueType.AUTO)));
    private static final MachineDefinition MILL = new MachineDefinition("mill.yml", "mill", "M-2", "mill", "100234", true,
            new Connection.OpcUa("opc.tcp://localhost:4840", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)), List.of());

    @Test
    void onlyMappedNumbersAndCodesSurviveAndControlCharactersShow() {
        assertThat(redact("STATE=RUNNING;SPEED=-12.5;OPID=W-0815")).isEqualTo("STATE=RUNNING;SPEED=-12.5;OPID=******");
        // a mapped value that is free text, an unmapped key, text that is no pair, a malformed key
        assertThat(redact("STATE=Anna is here;EXTRA=7;Anna;1X=5")).isEqualTo("STATE=************;EXTRA=*;****;****");
        assertThat(redact("STATE=IDLE\r\n")).isEqualTo("STATE=IDLE\\x0D\\x0A");
        // a stray STX makes the key malformed: the whole pair is blanked, the STX stays visible
        assertThat(redact("\u0002STATE=IDLE")).isEqualTo("\\x02**********");
        assertThat(redact("S".repeat(5000))).hasSize(SerialCaptures.MAX_FRAME_CHARS);
    }

    @Test
    void takesFramesOnlyWhileArmedAndNoMoreThanAsked() {
        SerialCaptures captures = new SerialCaptures(new MachineRegistry(List.of(PRESS, MILL)),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
        captures.offer("press", bytes("STATE=IDLE"));
        assertThat(captures.take("press")).isEmpty();

        captures.arm("press", 2);
        for (String frame : List.of("STATE=A", "STATE=B", "STATE=C")) {
            captures.offer("press", bytes(frame));
        }
        assertThat(captures.take("press")).containsExactly(
                new SerialCaptures.CapturedFrame(Instant.parse("2026-11-26T12:00:00Z"), 7, "STATE=A"),
                new SerialCaptures.CapturedFrame(Instant.parse("2026-11-26T12:00:00Z"), 7, "STATE=B"));
        assertThat(captures.take("press")).as("taking ends the capture").isEmpty();

        assertThatThrownBy(() -> captures.arm("press", 51)).hasMessage("frames must be between 1 and 50");
        assertThatThrownBy(() -> captures.arm("mill", 5)).hasMessage("machine is not on a serial link");
    }

    private static String redact(String frame) {
        return SerialCaptures.redact(PRESS, bytes(frame));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
