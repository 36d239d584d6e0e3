package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.LineDecoder;
import io.werkbridge.connector.serial.codec.LineEncoder;
import io.werkbridge.connector.serial.codec.ModbusRtuDecoder;
import io.werkbridge.connector.serial.codec.ModbusRtuEncoder;
import io.werkbridge.connector.serial.codec.ModbusTiming;
import io.werkbridge.connector.serial.codec.NcProgramDecoder;
import io.werkbridge.connector.serial.codec.NcProgramEncoder;
import io.werkbridge.connector.serial.codec.StxEtxDecoder;
import io.werkbridge.connector.serial.codec.StxEtxEncoder;
import java.util.function.LongSupplier;

/** Builds the {@link LinkProtocol} for a framing. */
final class Protocols {

    /**
     * Read timeout while no timer runs: how quickly the reader notices a stop or a failed write.
     * Also jSerialComm's native timeout step on Linux (VTIME counts tenths of a second).
     */
    static final int IDLE_READ_TIMEOUT_MILLIS = 100;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Protocols() {
    }

    static LinkProtocol.Factory factory(SerialEndpointConfig config, LongSupplier clock) {
        int max = config.maxFrameLength();
        return switch (config.framing()) {
            case LINE -> (writer, events) -> new StreamProtocol(new LineDecoder(events, max), new LineEncoder(max),
                    writer, IDLE_READ_TIMEOUT_MILLIS, 0, 0, clock);
            case STX_ETX -> (writer, events) -> new StreamProtocol(new StxEtxDecoder(events, max),
                    new StxEtxEncoder(max), writer, IDLE_READ_TIMEOUT_MILLIS, 0, 0, clock);
            case MODBUS_RTU -> {
                ModbusTiming timing = ModbusTiming.forLine(config.settings().baudRate(),
                        config.settings().bitsPerCharacter());
                int readTimeout = (int) Math.max(1, -Math.floorDiv(-timing.silenceNanos(), NANOS_PER_MILLI));
                yield (writer, events) -> new StreamProtocol(new ModbusRtuDecoder(events, max, timing),
                        new ModbusRtuEncoder(max), writer, readTimeout, timing.characterNanos(),
                        timing.silenceNanos(), clock);
            }
            case SIEMENS_3964R -> (writer, events) -> new Siemens3964RProtocol(config.settings().path(),
                    config.siemens3964R(), writer, events, clock);
            case NC_PROGRAM -> (writer, events) -> new StreamProtocol(new NcProgramDecoder(events, config.ncTape()),
                    new NcProgramEncoder(config.ncTape()), writer, IDLE_READ_TIMEOUT_MILLIS, 0, 0, clock,
                    new NcTapeTransmitter(config.settings().path(), config.ncTape()));
        };
    }
}
