package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NcProgramEncoder;
import io.werkbridge.connector.serial.codec.NcTapeSettings;
import io.werkbridge.connector.serial.codec.StartCondition;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * How an NC program's tape ({@link NcProgramEncoder}) goes to the control (framing {@code nc-program}): the send
 * waits for the control's XON (or starts at once), then writes the tape character by character with
 * {@code charDelay} after each, or in one go without it; XON/XOFF pauses are the connection's. A failure names the
 * tape byte and program line where the send stopped.
 */
final class NcTapeTransmitter implements StreamProtocol.Transmitter {

    private final String port;
    private final NcTapeSettings settings;

    NcTapeTransmitter(String port, NcTapeSettings settings) {
        this.port = Objects.requireNonNull(port, "port");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void transmit(byte[] tape, LineWriter writer) throws IOException {
        if (settings.start() == StartCondition.XON) {
            writer.awaitXon(settings.startTimeout());
        }
        long delay = settings.charDelay().toNanos();
        int offset = 0;
        try {
            if (delay == 0) {
                writer.write(tape);
                return;
            }
            for (; offset < tape.length; offset++) {
                writer.write(Arrays.copyOfRange(tape, offset, offset + 1));
                LockSupport.parkNanos(delay);
            }
        } catch (SerialTransmissionException e) {
            long at = offset + Math.max(0, e.written());
            throw new SerialTransmissionException("nc-program send on serial port " + port + " stopped at tape byte "
                    + at + " of " + tape.length + " (program line " + NcProgramEncoder.lineAt(tape, at) + "): "
                    + e.getMessage(), at);
        }
    }
}
