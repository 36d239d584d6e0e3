package io.werkbridge.machine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * On request, a bounded capture of the frames one serial machine sends, for remote support of its serial interface
 * (the {@code serial-diagnostics} flow). Only armed machines are captured, at most {@value #MAX_FRAMES} frames, and
 * each frame is redacted as it is taken, so no operator or free-text value is ever held:
 * <ul>
 *   <li>the telegram's structure stays (keys, {@code =}, {@code ;}, lengths; control characters as {@code \xNN});</li>
 *   <li>a value stays only if the machine file maps its key to an event value (status, alarm, counter, program,
 *       commissioning) and it is a number or a code ({@code RUNNING}, {@code E-4711}): never free text;</li>
 *   <li>every other value (operator id and name, location, keys the machine file does not map, free text) and any
 *       text that is not a {@code KEY=value} pair is replaced by {@code *}, one per character.</li>
 * </ul>
 */
public final class SerialCaptures {

    public static final int MAX_FRAMES = 50;
    /** Characters kept of one frame; the rest is cut (and the frame's length says how long it was). */
    static final int MAX_FRAME_CHARS = 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");
    private static final Pattern CODE = Pattern.compile("[-+]?[0-9]{1,18}(?:[.,][0-9]{1,12})?|[A-Z0-9][A-Z0-9_.:+/-]{0,31}");

    /** One captured frame: when it came, how many bytes it had, its redacted text. */
    public record CapturedFrame(Instant at, int length, String payload) {
    }

    private final MachineRegistry machines;
    private final Clock clock;
    private final Map<String, Capture> armed = new ConcurrentHashMap<>();

    public SerialCaptures(MachineRegistry machines, Clock clock) {
        this.machines = machines;
        this.clock = clock;
    }

    /**
     * Captures the next {@code frames} frames of a serial machine (a capture already armed starts over).
     *
     * @throws IllegalArgumentException if the count is outside 1..{@value #MAX_FRAMES} or the machine is not on a serial link
     */
    public void arm(String machineId, int frames) {
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("frames must be between 1 and " + MAX_FRAMES);
        }
        MachineDefinition machine = machines.require(machineId);
        if (machine.protocol() != Protocol.SERIAL) {
            throw new IllegalArgumentException("machine is not on a serial link");
        }
        armed.put(machineId, new Capture(machine, frames));
    }

    /** A frame the machine's serial route received: taken, redacted, while a capture is armed. A step of every serial machine's route. */
    public void offer(String machineId, byte[] frame) {
        Capture capture = machineId == null ? null : armed.get(machineId);
        if (capture != null && frame != null) {
            capture.add(new CapturedFrame(clock.instant(), frame.length, redact(capture.machine, frame)));
        }
    }

    /** The frames captured so far, the capture ended; empty if none was armed. */
    public List<CapturedFrame> take(String machineId) {
        Capture capture = armed.remove(machineId);
        return capture == null ? List.of() : capture.frames();
    }

    /** The frame as text with every value removed that is not a mapped machine value in the form of a number or code. */
    static String redact(MachineDefinition machine, byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        if (text.length() > MAX_FRAME_CHARS) {
            text = text.substring(0, MAX_FRAME_CHARS);
        }
        StringBuilder out = new StringBuilder(text.length());
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(redactPair(machine, parts[i]));
        }
        return out.toString();
    }

    private static String redactPair(MachineDefinition machine, String pair) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? null : pair.substring(0, equals).strip();
        if (key == null || !KEY.matcher(key).matches()) {
            return blank(pair);
        }
        String value = pair.substring(equals + 1);
        String trimmed = value.strip();
        boolean machineValue = machine.ruleFor(key).map(rule -> rule.kind() != null).orElse(false);
        String kept = machineValue && CODE.matcher(trimmed).matches() ? escape(value) : blank(value);
        return escape(pair.substring(0, equals + 1)) + kept;
    }

    /**
     * Control characters (a CR, a stray STX) stay visible for the support, as {@code \xNN}; every other character,
     * blanks included (they would show a name's shape), becomes {@code *}.
     */
    private static String blank(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? hex(c) : "*"));
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? hex(c) : new String(Character.toChars(c))));
        return out.toString();
    }

    private static String hex(int c) {
        return String.format("\\x%02X", c);
    }

    private static final class Capture {
        private final MachineDefinition machine;
        private final int limit;
        private final List<CapturedFrame> frames = new ArrayList<>();

        Capture(MachineDefinition machine, int limit) {
            this.machine = machine;
            this.limit = limit;
        }

        synchronized void add(CapturedFrame frame) {
            if (frames.size() < limit) {
                frames.add(frame);
            }
        }

        synchronized List<CapturedFrame> frames() {
            return List.copyOf(frames);
        }
    }
}
