package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * NC program transfer (DNC) with a machine's control over a serial port of its own (the machine file's
 * {@code programTransfer}), whatever protocol carries the machine's data: programs the control punches out go to the
 * {@code nc-programs} flow, programs an operator queues go to the control (docs/serial.md).
 *
 * @param port    device path, e.g. /dev/ttyUSB1 or a stable symlink
 * @param options the {@code serial:} URI options of the {@code nc-program} framing, already checked; in the machine
 *                file {@code maxProgramLength} stands for {@code maxFrameLength} and {@code pauseTimeout} for
 *                {@code writeTimeout}
 */
public record ProgramTransfer(String port, @JsonAnySetter Map<String, String> options) {

    public ProgramTransfer {
        options = Map.copyOf(options);
    }

    /** The {@code serial:} URI of the transfer port, the same string for reading and sending (one open port). */
    public String uri() {
        StringJoiner uri = new StringJoiner("&", "serial:" + port + "?", "");
        uri.add("framing=nc-program");
        new TreeMap<>(options).forEach((name, value) -> uri.add(switch (name) {
            case "maxProgramLength" -> "maxFrameLength";
            case "pauseTimeout" -> "writeTimeout";
            default -> name;
        } + "=" + value));
        return uri.toString();
    }

    /** Characters of a program, at most. */
    public int maxProgramLength() {
        return Integer.parseInt(options.getOrDefault("maxProgramLength", "1048576"));
    }

    /** Characters of a program line, at most. */
    public int maxLineLength() {
        return Integer.parseInt(options.getOrDefault("maxLineLength", "256"));
    }
}
